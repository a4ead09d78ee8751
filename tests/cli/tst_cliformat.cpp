// The shapes batchscope-cli prints (CliFormat), in process: money is exact in JSON, as an
// integer of micro-dollars and a decimal string, also where a double would change it.
#include "cli/cliformat.h"
#include "ledger/batchrecord.h"
#include "ledger/costtotals.h"
#include "monitor/ingestrecords.h"
#include "testenv.h"

#include <QJsonDocument>
#include <QTest>

using bs::Money;
using bs::cli::CliFormat;

class TestCliFormat : public QObject {
    Q_OBJECT

    static QByteArray compact(const QJsonObject& o) {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void usdIsExactDecimalText() {
        QCOMPARE(CliFormat::usd(0), QStringLiteral("0.000000"));
        QCOMPARE(CliFormat::usd(1), QStringLiteral("0.000001"));
        QCOMPARE(CliFormat::usd(12'345'678), QStringLiteral("12.345678"));
        QCOMPARE(CliFormat::usd(-1), QStringLiteral("-0.000001"));
        QCOMPARE(CliFormat::usd(std::numeric_limits<Money>::max()),
                 QStringLiteral("9223372036854.775807"));
        QCOMPARE(CliFormat::usd(std::numeric_limits<Money>::min()),
                 QStringLiteral("-9223372036854.775808"));
    }

    // 2^53 + 1 micro-dollars: the first amount a double cannot hold. Written exactly.
    void moneyBeyondADouble() {
        const Money micros = (Money(1) << 53) + 1;
        QVERIFY(Money(double(micros)) != micros); // what the old double output lost
        QJsonObject o;
        CliFormat::putMoney(o, micros);
        const QByteArray text = compact(o);
        QCOMPARE(text, QByteArray("{\"cost_micros\":9007199254740993,"
                                  "\"cost_usd\":\"9007199254.740993\"}"));
        // And read back as the integer it is.
        QCOMPARE(QJsonDocument::fromJson(text).object()[u"cost_micros"].toInteger(), micros);
    }

    void everyMoneyShapeUsesIt() {
        const Money micros = (Money(1) << 53) + 3;
        bs::CostTotals totals;
        totals.micros = micros;
        totals.inputTokens = (qint64(1) << 53) + 1;
        const QByteArray t = compact(CliFormat::totals(totals));
        QVERIFY2(t.contains("\"cost_micros\":9007199254740995,"), t.constData());
        QVERIFY2(t.contains("\"cost_usd\":\"9007199254.740995\""), t.constData());
        QVERIFY2(t.contains("\"input_tokens\":9007199254740993"), t.constData());

        bs::IngestReport report;
        report.costMicros = micros;
        const QByteArray i = compact(CliFormat::ingest(report));
        QVERIFY2(i.contains("\"cost_micros\":9007199254740995,"), i.constData());
        QVERIFY2(i.contains("\"cost_usd\":\"9007199254.740995\""), i.constData());
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestCliFormat t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_cliformat.moc"
