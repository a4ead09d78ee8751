// FileSubmitter against a real batchscope-sim and SQLite: a file is read, gated, stored in one
// draft per part and created part by part; a budget it would pass stops it before anything is
// written or sent; an override sends it and is recorded; cancel before the creates leaves no
// draft and no reservation; a file that changed since its check, or between its reading and
// its storing, is refused.
#include "api/apiclient.h"
#include "core/sha256.h"
#include "cost/pricebook.h"
#include "intake/budgetgate.h"
#include "intake/jsonlscanner.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/settingsstore.h"
#include "monitor/filesubmitter.h"
#include "simclient.h"
#include "simprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using bs::test::SimClient;
using bs::test::SimProcess;

class TestFileSubmitter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    SimProcess m_sim;
    std::unique_ptr<ApiClient> m_client;
    int m_n = 0;

    QString freshLedger() { return m_dir.filePath(QStringLiteral("l-%1.sqlite").arg(++m_n)); }

    // `count` haiku requests, max_tokens 1000 each.
    QString writeFile(int count, const QString& prefix = QStringLiteral("r")) {
        const QString path = m_dir.filePath(QStringLiteral("f-%1.jsonl").arg(++m_n));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (int i = 0; i < count; ++i) {
            const QJsonObject line{
                {QStringLiteral("custom_id"), QStringLiteral("%1-%2").arg(prefix).arg(i)},
                {QStringLiteral("params"),
                 SimClient::params(QStringLiteral("question %1").arg(i), 1000)}};
            f.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        }
        return path;
    }

    qint64 simBatchCount() {
        SimClient sc(m_sim.baseUrl(), SimProcess::fakeKey());
        return sc.get(QStringLiteral("/v1/messages/batches?limit=1000"))
            .json()[u"data"]
            .toArray()
            .size();
    }

    static FileSubmitter::Result run(FileSubmitter& fs, const QString& path,
                                     const FileSubmitter::Options& options,
                                     const std::function<void()>& afterSubmit = {}) {
        QSignalSpy done(&fs, &FileSubmitter::finished);
        fs.submit(path, options);
        if (afterSubmit)
            afterSubmit();
        if (!done.wait(60000))
            return {};
        [&] { QCOMPARE(done.size(), 1); }();
        return done.first().first().value<FileSubmitter::Result>();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start(
                     {QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--quiet")}),
                 qPrintable(m_sim.errorString()));
        ApiConfig config;
        config.baseUrl = m_sim.baseUrl();
        config.apiKey = SimProcess::fakeKey();
        m_client = std::make_unique<ApiClient>(config);
    }

    void submitsEveryPartInOrder() {
        Ledger ledger;
        QVERIFY(ledger.open(freshLedger()));
        const QString path = writeFile(5);
        FileSubmitter fs(m_client.get(), &ledger);
        QList<FileSubmitter::Stage> stages;
        QStringList reserved;
        bool reservedBeforeFinished = false;
        connect(&fs, &FileSubmitter::progress, this, [&](FileSubmitter::Stage s, qint64, qint64) {
            if (stages.isEmpty() || stages.last() != s)
                stages.append(s);
        });
        connect(&fs, &FileSubmitter::draftsReserved, this, [&](const QStringList& ids) {
            reserved = ids;
            // The write-ahead rows are there when the signal comes.
            reservedBeforeFinished = DraftStore(ledger).find(ids.first()).has_value();
        });
        FileSubmitter::Options options;
        options.limits.maxRequests = 2;
        options.expectedRequests = 5;
        options.submittedBy = QStringLiteral("kim");
        const FileSubmitter::Result r = run(fs, path, options);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.requests, qint64(5));
        QCOMPARE(r.localIds.size(), 3);
        QCOMPARE(reserved, r.localIds);
        QVERIFY(reservedBeforeFinished);
        QCOMPARE(r.createdBatchIds.size(), 3);
        QCOMPARE(stages, (QList<FileSubmitter::Stage>{FileSubmitter::Stage::Reading,
                                                      FileSubmitter::Stage::Storing,
                                                      FileSubmitter::Stage::Sending}));
        const qint64 parts[] = {2, 2, 1};
        for (int i = 0; i < 3; ++i) {
            const auto d = DraftStore(ledger).find(r.localIds.at(i));
            QCOMPARE(d->batchId, r.createdBatchIds.at(i));
            QCOMPARE(d->requestCount, parts[i]);
            QCOMPARE(d->local.submittedBy, QStringLiteral("kim"));
            QCOMPARE(BudgetStore(ledger).ofDraft(r.localIds.at(i)).first().requests, parts[i]);
            QCOMPARE(BudgetStore(ledger).ofDraft(r.localIds.at(i)).first().maxOutputTokens,
                     parts[i] * 1000);
        }
    }

    void overBudgetWritesAndSendsNothing() {
        Ledger ledger;
        QVERIFY(ledger.open(freshLedger()));
        QVERIFY(SettingsStore(ledger).setBudget({QStringLiteral("tokens"), 10,
                                                 BudgetSetting::Period::Day,
                                                 BudgetSetting::Kind::InputTokens}));
        const qint64 before = simBatchCount();
        FileSubmitter fs(m_client.get(), &ledger);
        QSignalSpy reserved(&fs, &FileSubmitter::draftsReserved);
        const FileSubmitter::Result r = run(fs, writeFile(3), {});
        QVERIFY(!r.ok);
        QVERIFY(r.blocked);
        QVERIFY(r.verdict.blocked());
        QCOMPARE(r.verdict.lines.size(), 1);
        QVERIFY(r.verdict.lines.first().thisFile > 10);
        QCOMPARE(r.verdict.lines.first().limit, qint64(10));
        QVERIFY2(r.message.contains(QLatin1String("limit 10 tokens")), qPrintable(r.message));
        QVERIFY(r.localIds.isEmpty());
        QCOMPARE(reserved.size(), 0);
        QVERIFY(DraftStore(ledger).unattached().isEmpty());
        QCOMPARE(simBatchCount(), before);

        // The same with a reason: sent, and the override is in the ledger.
        FileSubmitter::Options options;
        options.overrideReason = QStringLiteral("backfill approved");
        options.submittedBy = QStringLiteral("lee");
        const FileSubmitter::Result o = run(fs, writeFile(3, QStringLiteral("o")), options);
        QVERIFY2(o.ok, qPrintable(o.message));
        QVERIFY(o.overrideId > 0);
        const auto overrides = BudgetStore(ledger).overrides();
        QCOMPARE(overrides.size(), 1);
        QCOMPARE(overrides.first().user, QStringLiteral("lee"));
        QCOMPARE(overrides.first().reason, QStringLiteral("backfill approved"));
        QCOMPARE(overrides.first().localIds, o.localIds);
        QCOMPARE(simBatchCount(), before + 1);
    }

    void cancelWhileReadingWritesNothing() {
        Ledger ledger;
        QVERIFY(ledger.open(freshLedger()));
        FileSubmitter fs(m_client.get(), &ledger);
        QSignalSpy reserved(&fs, &FileSubmitter::draftsReserved);
        const FileSubmitter::Result r = run(fs, writeFile(3), {}, [&] { fs.cancel(); });
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QCOMPARE(reserved.size(), 0);
        QVERIFY(DraftStore(ledger).unattached().isEmpty());
    }

    // Cancel once the drafts exist (while storing): they are abandoned, the reservations
    // released, nothing is created.
    void cancelAfterReservationReleases() {
        Ledger ledger;
        QVERIFY(ledger.open(freshLedger()));
        QVERIFY(SettingsStore(ledger).setBudget(
            {QStringLiteral("usd"), 1'000'000, BudgetSetting::Period::Day}));
        const qint64 before = simBatchCount();
        FileSubmitter fs(m_client.get(), &ledger);
        const PriceBook prices = PriceBook::load();
        qint64 inFlightAtReserve = -1;
        connect(&fs, &FileSubmitter::draftsReserved, this, [&] {
            inFlightAtReserve = BudgetGate(ledger, prices).evaluate({}).lines.first().inFlight;
            fs.cancel();
        });
        const FileSubmitter::Result r = run(fs, writeFile(4), {});
        QVERIFY(r.cancelled);
        QVERIFY(!r.ok);
        QVERIFY(inFlightAtReserve > 0);
        QCOMPARE(r.localIds.size(), 1);
        QCOMPARE(DraftStore(ledger).find(r.localIds.first())->state, DraftInfo::State::Abandoned);
        QCOMPARE(BudgetGate(ledger, prices).evaluate({}).lines.first().inFlight, qint64(0));
        QCOMPARE(simBatchCount(), before);
    }

    // Cancelled while the second of three parts is being built and sent: the first batch
    // stands, the create in progress stops (its draft is abandoned, nothing more reaches the
    // server) and the third is never sent. The first part's upload was reported to its end.
    void cancelWhileSendingStopsTheCreate() {
        Ledger ledger;
        QVERIFY(ledger.open(freshLedger()));
        const qint64 before = simBatchCount();
        FileSubmitter fs(m_client.get(), &ledger);
        QList<int> parts;
        qint64 firstSent = 0, firstTotal = -1;
        connect(&fs, &FileSubmitter::partSending, this, [&](int index, int count) {
            QCOMPARE(count, 3);
            parts.append(index);
            if (index == 1)
                fs.cancel();
        });
        connect(&fs, &FileSubmitter::progress, this,
                [&](FileSubmitter::Stage s, qint64 done, qint64 total) {
                    if (s == FileSubmitter::Stage::Sending && parts.size() == 1) {
                        firstSent = done;
                        firstTotal = total;
                    }
                });
        FileSubmitter::Options options;
        options.limits.maxRequests = 2;
        const FileSubmitter::Result r = run(fs, writeFile(5, QStringLiteral("stop")), options);
        QVERIFY(r.cancelled);
        QVERIFY(!r.ok);
        QVERIFY(!r.mayHaveBeenCreated);
        QCOMPARE(parts, (QList<int>{0, 1}));
        QVERIFY(firstTotal > 0);
        QCOMPARE(firstSent, firstTotal);
        QCOMPARE(r.createdBatchIds.size(), 1);
        QCOMPARE(DraftStore(ledger).find(r.localIds.at(0))->state, DraftInfo::State::Created);
        QCOMPARE(DraftStore(ledger).find(r.localIds.at(1))->state, DraftInfo::State::Abandoned);
        QCOMPARE(DraftStore(ledger).find(r.localIds.at(2))->state, DraftInfo::State::Abandoned);
        QCOMPARE(simBatchCount(), before + 1);
    }

    // The second of three creates is refused: the first batch stands, the drafts after the
    // failure are abandoned and release their reservations.
    void aFailedCreateAbandonsTheRest() {
        Ledger ledger;
        QVERIFY(ledger.open(freshLedger()));
        QVERIFY(SettingsStore(ledger).setBudget(
            {QStringLiteral("usd"), 1'000'000, BudgetSetting::Period::Day}));
        SimClient sc(m_sim.baseUrl(), SimProcess::fakeKey());
        QCOMPARE(sc.send("POST", QStringLiteral("/_sim/faults"),
                         R"({"status":400,"method":"POST","path":"/v1/messages/batches",)"
                         R"("count":1,"skip":1})")
                     .status,
                 200);
        FileSubmitter fs(m_client.get(), &ledger);
        FileSubmitter::Options options;
        options.limits.maxRequests = 2;
        const FileSubmitter::Result r = run(fs, writeFile(5, QStringLiteral("fail")), options);
        QVERIFY(!r.ok);
        QVERIFY(r.error.isError());
        QCOMPARE(r.error.httpStatus, 400);
        QVERIFY(!r.mayHaveBeenCreated);
        QCOMPARE(r.localIds.size(), 3);
        QCOMPARE(r.createdBatchIds.size(), 1);
        QVERIFY2(r.message.contains(QLatin1String("batch 2 of 3")), qPrintable(r.message));
        QVERIFY2(r.message.contains(r.createdBatchIds.first()), qPrintable(r.message));
        QCOMPARE(DraftStore(ledger).find(r.localIds.at(0))->state, DraftInfo::State::Created);
        QCOMPARE(DraftStore(ledger).find(r.localIds.at(1))->state, DraftInfo::State::Abandoned);
        QCOMPARE(DraftStore(ledger).find(r.localIds.at(2))->state, DraftInfo::State::Abandoned);
        // Only the created batch (2 requests) is still in flight.
        const PriceBook prices = PriceBook::load();
        QCOMPARE(BudgetGate(ledger, prices).evaluate({}).lines.first().inFlight,
                 BudgetStore(ledger).ofDraft(r.localIds.at(0)).first().worstCaseMicros);
    }

    // Warnings (here: custom_ids used before in this ledger) stop it unless accepted.
    void warningsNeedAcceptance() {
        Ledger ledger;
        QVERIFY(ledger.open(freshLedger()));
        FileSubmitter fs(m_client.get(), &ledger);
        const QString path = writeFile(2, QStringLiteral("twice"));
        QVERIFY(run(fs, path, {}).ok);
        const FileSubmitter::Result again = run(fs, path, {});
        QVERIFY(!again.ok);
        QVERIFY(again.fileProblem);
        QVERIFY(again.localIds.isEmpty());
        FileSubmitter::Options accept;
        accept.acceptWarnings = true;
        QVERIFY(run(fs, path, accept).ok);
    }

    // Changed between the reading pass and the storing pass, keeping its count of requests and
    // its split: the digests differ, so nothing is sent and the drafts are abandoned.
    void refusesAFileChangedAfterItWasRead() {
        Ledger ledger;
        QVERIFY(ledger.open(freshLedger()));
        const QString path = writeFile(3);
        FileSubmitter fs(m_client.get(), &ledger);
        connect(&fs, &FileSubmitter::draftsReserved, this, [&] {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QByteArray text = f.readAll();
            text.replace("question", "QUESTION"); // same size, same requests
            QVERIFY(f.seek(0));
            QCOMPARE(f.write(text), text.size());
        });
        const qint64 before = simBatchCount();
        FileSubmitter::Options options;
        options.expectedRequests = 3;
        const FileSubmitter::Result r = run(fs, path, options);
        QVERIFY(!r.ok);
        QVERIFY(r.fileProblem);
        QVERIFY2(r.message.contains(QStringLiteral("changed")), qPrintable(r.message));
        QCOMPARE(simBatchCount(), before);
        QVERIFY(DraftStore(ledger).unattached().isEmpty());
    }

    // The caller's check was the reading pass (Options::checked, as the CLI does): no Reading
    // stage, the checked estimate is reserved, and a file changed after that check is still
    // refused by the storing pass's digest, before anything is sent.
    void aCheckedFileIsNotReadAgain() {
        const PriceBook prices = PriceBook::load();
        const auto checkOf = [&](const QString& path) {
            JsonlScanner::Options o;
            o.prices = &prices;
            JsonlScanner scan(path, o);
            [&] { QVERIFY(scan.scan() && scan.valid()); }();
            FileSubmitter::Checked c;
            c.requests = scan.requestCount();
            c.sha256 = Sha256::ofFile(path);
            c.parts = scan.partEstimates();
            return c;
        };
        Ledger ledger;
        QVERIFY(ledger.open(freshLedger()));
        FileSubmitter fs(m_client.get(), &ledger);
        QList<FileSubmitter::Stage> stages;
        connect(&fs, &FileSubmitter::progress, this, [&](FileSubmitter::Stage s, qint64, qint64) {
            if (stages.isEmpty() || stages.last() != s)
                stages.append(s);
        });
        const QString path = writeFile(3, QStringLiteral("checked"));
        FileSubmitter::Options options;
        options.expectedRequests = 3;
        options.checked = checkOf(path);
        const qint64 before = simBatchCount();
        const FileSubmitter::Result r = run(fs, path, options);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.requests, qint64(3));
        QCOMPARE(stages, (QList<FileSubmitter::Stage>{FileSubmitter::Stage::Storing,
                                                      FileSubmitter::Stage::Sending}));
        QCOMPARE(BudgetStore(ledger).ofDraft(r.localIds.first()).first().maxOutputTokens,
                 qint64(3000));
        QCOMPARE(simBatchCount(), before + 1);

        // Changed after the check (same size, same requests): refused, nothing sent.
        const QString other = writeFile(3, QStringLiteral("again"));
        options.checked = checkOf(other);
        QFile f(other);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray text = f.readAll();
        text.replace("question", "QUESTION");
        QVERIFY(f.seek(0));
        QCOMPARE(f.write(text), text.size());
        f.close();
        const FileSubmitter::Result changed = run(fs, other, options);
        QVERIFY(!changed.ok);
        QVERIFY(changed.fileProblem);
        QVERIFY2(changed.message.contains(QStringLiteral("changed")), qPrintable(changed.message));
        QCOMPARE(simBatchCount(), before + 1);
        QVERIFY(DraftStore(ledger).unattached().isEmpty());
    }

    void refusesAFileThatChanged() {
        Ledger ledger;
        QVERIFY(ledger.open(freshLedger()));
        FileSubmitter fs(m_client.get(), &ledger);
        FileSubmitter::Options options;
        options.expectedRequests = 4; // the check saw 4; the file now holds 3
        const FileSubmitter::Result r = run(fs, writeFile(3), options);
        QVERIFY(!r.ok);
        QVERIFY(r.fileProblem);
        QVERIFY(DraftStore(ledger).unattached().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFileSubmitter)
#include "tst_filesubmitter.moc"
