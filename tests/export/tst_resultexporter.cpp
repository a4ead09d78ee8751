#include "export/resultexporter.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledger/summarystore.h"
#include "ledgertesthelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::ledgertest;

namespace {

// Dollars "12.345678" back to micro-dollars, independently of decimalUsd.
Money microsOf(const QByteArray& text) {
    const qsizetype dot = text.indexOf('.');
    if (dot < 0 || text.size() - dot - 1 != 6)
        return -1;
    return text.left(dot).toLongLong() * kMicrosPerDollar + text.mid(dot + 1).toLongLong();
}

} // namespace

class TestResultExporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Ledger m_ledger;
    QString m_batch = QStringLiteral("msgbatch_export01");
    static constexpr int kRows = 250;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ledger.open(m_dir.filePath(QStringLiteral("ledger.sqlite"))));
        QVERIFY(
            BatchStore(m_ledger).upsert(makeBatch(m_batch, MessageBatch::Status::Ended, kRows)));
        QList<ResultRow> rows;
        for (int i = 0; i < kRows; ++i) {
            ResultRow r =
                makeResult(m_batch, QStringLiteral("item-%1").arg(i, 4, 10, QLatin1Char('0')),
                           QStringLiteral("claude-haiku-4-5"), 100 + i, 10 + i, 1'234'567 + i * 7);
            r.usage.cacheCreationInputTokens = i;
            r.usage.cacheReadInputTokens = 2 * i;
            if (i % 10 == 3) {
                r.type = QStringLiteral("errored");
                r.model.clear();
                r.messageId.clear();
                r.usage = Usage();
                r.costMicros = 0;
                r.errorType = QStringLiteral("invalid_request_error");
                // Everything CSV must quote: a comma, a quote, a line break.
                r.errorMessage = QStringLiteral("bad \"model\", line\nnext");
                r.requestId = QStringLiteral("req_%1").arg(i);
            }
            if (i == 7)
                r.priced = false; // unknown model: an empty cost cell, never $0
            rows.append(r);
        }
        QCOMPARE(ResultStore(m_ledger).insert(rows), qint64(kRows));
    }

    void decimalIsExact() {
        QCOMPARE(ResultExporter::decimalUsd(0), QStringLiteral("0.000000"));
        QCOMPARE(ResultExporter::decimalUsd(1), QStringLiteral("0.000001"));
        QCOMPARE(ResultExporter::decimalUsd(1'234'567), QStringLiteral("1.234567"));
        QCOMPARE(ResultExporter::decimalUsd(-5), QStringLiteral("-0.000005"));
        QCOMPARE(ResultExporter::decimalUsd(std::numeric_limits<qint64>::max()),
                 QStringLiteral("9223372036854.775807"));
        QCOMPARE(ResultExporter::decimalUsd(std::numeric_limits<qint64>::min()),
                 QStringLiteral("-9223372036854.775808"));
    }

    void csvQuotesPerRfc4180() {
        QCOMPARE(ResultExporter::csvField(QStringLiteral("plain")), QByteArray("plain"));
        QCOMPARE(ResultExporter::csvField(QStringLiteral("a,b")), QByteArray("\"a,b\""));
        QCOMPARE(ResultExporter::csvField(QStringLiteral("say \"hi\"")),
                 QByteArray("\"say \"\"hi\"\"\""));
        QCOMPARE(ResultExporter::csvField(QStringLiteral("two\nlines")),
                 QByteArray("\"two\nlines\""));
        QCOMPARE(ResultExporter::csvField(QStringLiteral("cr\r")), QByteArray("\"cr\r\""));
    }

    // Every row, in pages smaller than the batch, and the cost column adds up exactly to the
    // per-batch summary the views show.
    void csvRowsAndTotalsMatchTheSummary() {
        const QString path = m_dir.filePath(QStringLiteral("out.csv"));
        ResultExporter exporter(m_ledger);
        exporter.setPageSize(64);
        QList<qint64> progress;
        exporter.setProgress([&](qint64 done, qint64 total) {
            QCOMPARE(total, qint64(kRows));
            progress.append(done);
        });
        const auto out = exporter.exportTo({m_batch}, ResultExporter::Format::Csv, path);
        QVERIFY2(out.ok, qPrintable(out.message));
        QCOMPARE(out.rows, qint64(kRows));
        QCOMPARE(out.unpriced, qint64(1));
        QCOMPARE(progress.first(), qint64(0));
        QCOMPARE(progress.last(), qint64(kRows));
        QVERIFY(progress.size() >= kRows / 64 + 1); // streamed page by page

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        QVERIFY(all.startsWith(ResultExporter::csvHeader()));
        // Records end with CRLF; a quoted field may hold a bare LF.
        QList<QByteArray> records = all.split('\r');
        QCOMPARE(records.takeLast(), QByteArray("\n")); // after the last CRLF
        records.removeFirst();                          // the header
        QCOMPARE(records.size(), kRows);
        Money sum = 0;
        int errored = 0;
        for (QByteArray rec : records) {
            QVERIFY(rec.startsWith('\n'));
            rec.remove(0, 1);
            QVERIFY2(rec.startsWith(QByteArray(m_batch.toUtf8() + ",item-")), rec.constData());
            const QList<QByteArray> f = rec.split(',');
            const QByteArray cost = f.at(8);
            if (rec.contains("errored")) {
                ++errored;
                QVERIFY2(rec.endsWith("invalid_request_error,\"bad \"\"model\"\", line\nnext\""),
                         rec.constData());
            }
            if (cost.isEmpty())
                continue;
            QVERIFY2(microsOf(cost) >= 0, cost.constData());
            sum += microsOf(cost);
        }
        QCOMPARE(errored, kRows / 10);
        const CostTotals summary = SummaryStore(m_ledger).ofBatch(m_batch);
        QCOMPARE(sum, summary.micros);
        QCOMPARE(out.micros, summary.micros);
        QCOMPARE(qint64(records.size()), summary.results);
    }

    void jsonlHasTheResultsFileShape() {
        const QString path = m_dir.filePath(QStringLiteral("out.jsonl"));
        ResultExporter exporter(m_ledger);
        const auto out = exporter.exportTo({m_batch}, ResultExporter::Format::Jsonl, path);
        QVERIFY2(out.ok, qPrintable(out.message));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), kRows);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(first[u"custom_id"].toString(), QStringLiteral("item-0000"));
        const QJsonObject msg = first[u"result"].toObject()[u"message"].toObject();
        QCOMPARE(first[u"result"].toObject()[u"type"].toString(), QStringLiteral("succeeded"));
        QCOMPARE(msg[u"model"].toString(), QStringLiteral("claude-haiku-4-5"));
        QCOMPARE(msg[u"usage"].toObject()[u"input_tokens"].toInt(), 100);
        const QJsonObject err = QJsonDocument::fromJson(lines.at(3)).object();
        const QJsonObject e = err[u"result"].toObject()[u"error"].toObject();
        QCOMPARE(err[u"result"].toObject()[u"type"].toString(), QStringLiteral("errored"));
        QCOMPARE(e[u"error"].toObject()[u"type"].toString(),
                 QStringLiteral("invalid_request_error"));
        QCOMPARE(e[u"request_id"].toString(), QStringLiteral("req_3"));
    }

    // A canceled export leaves no file (and no temporary one), and an existing file untouched.
    void cancelLeavesNoPartialFile() {
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("canceled.csv"));
        std::atomic_bool cancel{false};
        ResultExporter exporter(m_ledger);
        exporter.setPageSize(50);
        exporter.setCancelFlag(&cancel);
        exporter.setProgress([&](qint64 done, qint64) {
            if (done >= 100)
                cancel = true; // two pages written, then canceled
        });
        auto outcome = exporter.exportTo({m_batch}, ResultExporter::Format::Csv, path);
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.canceled);
        QCOMPARE(outcome.rows, qint64(100));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden), QStringList());

        QFile keep(path);
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("keep me");
        keep.close();
        cancel = false;
        outcome = exporter.exportTo({m_batch}, ResultExporter::Format::Csv, path);
        QVERIFY(outcome.canceled);
        QFile again(path);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), QByteArray("keep me"));
    }

    void unwritableTargetIsExplained() {
        ResultExporter exporter(m_ledger);
        const auto out = exporter.exportTo({m_batch}, ResultExporter::Format::Csv,
                                           m_dir.filePath(QStringLiteral("no/such/dir/x.csv")));
        QVERIFY(!out.ok);
        QVERIFY2(out.message.contains(QStringLiteral("Cannot write")), qPrintable(out.message));
    }
};

QTEST_GUILESS_MAIN(TestResultExporter)
#include "tst_resultexporter.moc"
