// BatchSplitter: a file's requests, in file order, into batches of at most N requests and at
// most the body size the API accepts (with its margin); plan() over a real file.
#include "intake/batchsplitter.h"
#include "intake/jsonlinput.h"
#include "testenv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using bs::BatchSplitter;
using bs::JsonlInput;

class TestBatchSplitter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTheApiLimitsWithAMargin() {
        const BatchSplitter s;
        QCOMPARE(s.limits().maxRequests, qsizetype(100000));
        QCOMPARE(s.limits().maxBodyBytes, qint64(256LL * 1000 * 1000 - 64 * 1024));
        QVERIFY(s.limits().maxBodyBytes < bs::BatchRequestsBuilder::kMaxBodyBytes);
    }

    void splitsByCountKeepingOrder() {
        BatchSplitter s(BatchSplitter::Limits{4, 1 << 30});
        QList<bool> opens;
        for (int i = 0; i < 10; ++i)
            opens.append(s.place(QStringLiteral("r-%1").arg(i), QByteArray("{}")));
        QCOMPARE(opens,
                 (QList<bool>{true, false, false, false, true, false, false, false, true, false}));
        QCOMPARE(s.partCount(), 3);
        QCOMPARE(s.parts().at(0).requests, 4);
        QCOMPARE(s.parts().at(1).requests, 4);
        QCOMPARE(s.parts().at(2).requests, 2);
    }

    void splitsByBodySize() {
        const QByteArray params(1000, 'x');
        const qint64 one = BatchSplitter::requestBytes(QStringLiteral("id"), params);
        QCOMPARE(one, qint64(1000 + 2 + 32));
        // Room for exactly three requests (plus the body's frame) per batch.
        BatchSplitter s(BatchSplitter::Limits{100000, 16 + 3 * one});
        for (int i = 0; i < 7; ++i)
            s.place(QStringLiteral("id"), params);
        QCOMPARE(s.partCount(), 3);
        QCOMPARE(s.parts().at(0).requests, 3);
        QCOMPARE(s.parts().at(0).bodyBytes, 16 + 3 * one);
        QCOMPARE(s.parts().at(2).requests, 1);
        for (const BatchSplitter::Part& p : s.parts())
            QVERIFY(p.bodyBytes <= s.limits().maxBodyBytes);

        // A request larger than any batch gets one of its own; the next starts another.
        BatchSplitter big(BatchSplitter::Limits{100000, 100});
        QVERIFY(big.place(QStringLiteral("a"), QByteArray("{}")));
        QVERIFY(big.place(QStringLiteral("huge"), params));
        QVERIFY(big.place(QStringLiteral("b"), QByteArray("{}")));
        QCOMPARE(big.partCount(), 3);
    }

    void planReadsTheFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("in.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 5; ++i)
            f.write(QByteArray("{\"custom_id\":\"c-") + QByteArray::number(i) +
                    "\",\"params\":{\"model\":\"m\",\"max_tokens\":1,\"messages\":[1]}}\n");
        f.close();
        JsonlInput input(path);
        const auto parts = BatchSplitter::plan(input, BatchSplitter::Limits{2, 1 << 30});
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(2).requests, 1);
        QCOMPARE(BatchSplitter::plan(input).size(), 1);
        JsonlInput missing(dir.filePath(QStringLiteral("absent.jsonl")));
        QVERIFY(BatchSplitter::plan(missing).isEmpty());
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestBatchSplitter t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_batchsplitter.moc"
