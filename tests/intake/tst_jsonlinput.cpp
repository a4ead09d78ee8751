// JsonlInput: every problem of a JSONL file with its line and field, read line by line; the
// requests of a valid file handed over in file order.
#include "intake/jsonlinput.h"
#include "testenv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using bs::JsonlInput;

class TestJsonlInput : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            return {};
        return path;
    }

    static QByteArray request(const char* id, const char* extra = "") {
        return QByteArray("{\"custom_id\":\"") + id +
               "\",\"params\":{\"model\":\"claude-haiku-5-5\",\"max_tokens\":16,"
               "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" +
               extra + "}}\n";
    }

private Q_SLOTS:
    void validFileInOrder() {
        const QString path = write(QStringLiteral("ok.jsonl"),
                                   request("a-1") + "\n   \n" + request("a-2") + request("a-3"));
        JsonlInput input(path);
        QVERIFY(input.validate());
        QCOMPARE(input.requestCount(), qint64(3));
        QCOMPARE(input.errorCount(), qint64(0));
        QCOMPARE(input.problemCount(), qint64(2)); // the two blank lines, noted
        QStringList ids;
        QByteArray first;
        QVERIFY(input.forEach([&](const QString& id, const QByteArray& params) {
            ids.append(id);
            first = params;
            return false;
        }));
        // The params object exactly as the file holds it.
        QCOMPARE(first, QByteArray("{\"model\":\"claude-haiku-5-5\",\"max_tokens\":16,"
                                   "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        // The callback's false stops the reading after the first request.
        QCOMPARE(ids, QStringList{QStringLiteral("a-1")});
        ids.clear();
        input.forEach([&](const QString& id, const QByteArray&) {
            ids.append(id);
            return true;
        });
        QCOMPARE(ids, (QStringList{QStringLiteral("a-1"), QStringLiteral("a-2"),
                                   QStringLiteral("a-3")}));
    }

    void everyProblemWithLineAndField() {
        const QString path =
            write(QStringLiteral("bad.jsonl"),
                  request("ok-1") +                                             // 1
                      "{\"custom_id\": \"broken\", \n" +                        // 2: not JSON
                      "[1,2]\n" +                                               // 3: not an object
                      request("ok-1") +                                         // 4: duplicate
                      request("bad id!") +                                      // 5: pattern
                      "{\"custom_id\":\"np\"}\n" +                              // 6: params missing
                      "{\"custom_id\":\"m\",\"params\":{\"max_tokens\":0}}\n" + // 7: 3 problems
                      request("st", ",\"stream\":true"));                       // 8: stream
        JsonlInput input(path);
        QVERIFY(!input.validate());
        QStringList got;
        for (const JsonlInput::Problem& p : input.problems())
            got.append(QStringLiteral("%1:%2").arg(p.line).arg(p.field));
        QCOMPARE(got, (QStringList{
                          QStringLiteral("2:"), QStringLiteral("3:"), QStringLiteral("4:custom_id"),
                          QStringLiteral("5:custom_id"), QStringLiteral("6:params"),
                          QStringLiteral("7:params.max_tokens"), QStringLiteral("7:params.model"),
                          QStringLiteral("7:params.messages"), QStringLiteral("8:params.stream")}));
        QCOMPARE(input.problemCount(), qint64(got.size()));
        const JsonlInput::Problem dup = input.problems().at(2);
        QVERIFY2(dup.message.contains(QLatin1String("line 1")), qPrintable(dup.message));
        QCOMPARE(dup.toString(QStringLiteral("f.jsonl")).left(18),
                 QStringLiteral("f.jsonl:4:custom_i"));
        QCOMPARE(input.problems().first().toString(QStringLiteral("f")).left(4),
                 QStringLiteral("f:2:"));
    }

    void problemsAreCappedButCounted() {
        QByteArray content;
        for (int i = 0; i < 30; ++i)
            content += "nope\n";
        JsonlInput input(write(QStringLiteral("many.jsonl"), content));
        QVERIFY(!input.validate(10));
        QCOMPARE(input.problems().size(), 10);
        QCOMPARE(input.problemCount(), qint64(30));
    }

    void emptyAndMissingFiles() {
        JsonlInput empty(write(QStringLiteral("empty.jsonl"), "\n\n"));
        QVERIFY(!empty.validate());
        QCOMPARE(empty.errorCount(), 1); // and two notes for the blank lines
        QCOMPARE(empty.problems().first().line, qint64(0));
        QVERIFY(empty.problems().first().message.contains(QLatin1String("no requests")));

        JsonlInput missing(m_dir.filePath(QStringLiteral("absent.jsonl")));
        QVERIFY(!missing.validate());
        QCOMPARE(missing.problems().first().line, qint64(0));
        QVERIFY(missing.problems().first().message.contains(QLatin1String("cannot open"),
                                                            Qt::CaseInsensitive));
        QVERIFY(!missing.forEach([](const QString&, const QByteArray&) { return true; }));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestJsonlInput t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_jsonlinput.moc"
