#include "filesubmitter.h"

#include "core/osuser.h"

#include "api/apiclient.h"
#include "core/redactor.h"
#include "core/sha256.h"
#include "cost/pricebook.h"
#include "intake/jsonlscanner.h"
#include "ledger/batchrecord.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/paramscodec.h"
#include "ledger/storedrequest.h"
#include "ledger/walcheckpointer.h"
#include "monitor/createbodyfile.h"
#include "monitor/draftsubmitter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace bs {

namespace {

constexpr qsizetype kChunkRequests = 2000;
constexpr int kCheckpointEveryPages = 1024; // 4 MiB of WAL

} // namespace

FileSubmitter::FileSubmitter(ApiClient* client, Ledger* ledger, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_ledger(ledger) {
    qRegisterMetaType<bs::FileSubmitter::Result>();
    qRegisterMetaType<bs::FileSubmitter::Stage>();
}

FileSubmitter::~FileSubmitter() = default;

void FileSubmitter::cancel() {
    m_cancel = true;
    // A create being built or uploaded stops too (DraftSubmitter decides, from how much of the
    // body was sent, whether the draft is abandoned or left for reconciliation). Its submitter
    // lives on this object's thread.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_drafts)
                m_drafts->cancel();
        },
        Qt::QueuedConnection);
}

void FileSubmitter::submit(const QString& path, const Options& options) {
    if (m_busy) {
        Result r;
        r.message = tr("A file is being submitted already; wait for it to finish.");
        QTimer::singleShot(0, this, [this, r] { Q_EMIT finished(r); });
        return;
    }
    m_busy = true;
    m_cancel = false;
    m_path = path;
    m_options = options;
    m_result = Result();
    m_next = 0;
    // Never from inside submit(): callers connect after calling.
    QTimer::singleShot(0, this, &FileSubmitter::run);
}

void FileSubmitter::finish(Result result) {
    m_bodies.clear(); // the bodies not sent (a failure, a cancel) are removed
    result.message = Redactor::redact(result.message);
    m_busy = false;
    Q_EMIT finished(result);
}

bool FileSubmitter::read(Result* result, QList<QList<JsonlScanner::ModelEstimate>>* parts) {
    const QString name = QFileInfo(m_path).fileName();
    JsonlScanner::Options options;
    options.prices = m_prices.get();
    options.splitLimits = m_options.limits;
    options.inputRatios = m_options.inputRatios;
    options.maxProblems = 1;
    options.usedCustomIds = [this](const QSet<QString>& ids) {
        return DraftStore(*m_ledger).usedCustomIds(ids);
    };
    options.progress = [this](qint64 done, qint64 total) {
        Q_EMIT progress(Stage::Reading, done, total);
        return !m_cancel.load();
    };
    // The file's digest (recorded with its batches) in this same pass: no read of its own.
    Sha256 sha;
    options.onBytes = [&sha](const char* data, qint64 size) { sha.add(data, size); };
    JsonlScanner scan(m_path, options);
    const bool read = scan.scan();
    m_sha256 = read ? sha.hex() : QString();
    result->requests = scan.requestCount();
    if (scan.cancelled() || m_cancel) {
        result->cancelled = true;
        result->message = tr("Cancelled: nothing was stored or sent.");
        return false;
    }
    result->fileProblem = true;
    if (!read) {
        result->message = tr("%1 could not be read: nothing was sent.").arg(name);
        return false;
    }
    if (scan.errorCount() > 0 || !scan.valid()) {
        const QString first = scan.problems().isEmpty()
                                  ? QString()
                                  : QLatin1Char(' ') + scan.problems().first().toString(name);
        result->message = tr("%1 has %n error(s): nothing was sent. Check it again.", nullptr,
                             int(qMin<qint64>(scan.errorCount(), INT_MAX)))
                              .arg(name) +
                          first;
        return false;
    }
    if (m_options.expectedRequests >= 0 && scan.requestCount() != m_options.expectedRequests) {
        result->message =
            tr("%1 changed since it was checked (%2 requests, now %3): check it again.")
                .arg(name)
                .arg(m_options.expectedRequests)
                .arg(scan.requestCount());
        return false;
    }
    if (scan.warningCount() > 0 && !m_options.acceptWarnings) {
        result->message = tr("%1 has %n warning(s): nothing was sent. Read them, then accept "
                             "them to send the file as it is.",
                             nullptr, int(qMin<qint64>(scan.warningCount(), INT_MAX)))
                              .arg(name);
        return false;
    }
    result->fileProblem = false;
    *parts = scan.partEstimates();
    return true;
}

bool FileSubmitter::store(Result* result) {
    Ledger* ledger = m_ledger.data();
    const QString name = QFileInfo(m_path).fileName();
    BatchSplitter splitter(m_options.limits);
    QList<StoredRequest> chunk;
    qsizetype part = -1;
    qint64 stored = 0;
    bool ok = true, changed = false;
    // A chunk's params are compressed on a worker while this thread reads on; the chunk is
    // inserted (its own transaction) when the next one is handed over, or at the end: every
    // request is committed before store() returns.
    // WAL checkpoints on a thread of their own while the ~100 MB of a large file go in: the
    // commits here never wait for one (and its fsync); the usual checkpoints come back after.
    WalCheckpointer checkpointer(ledger->path(), kCheckpointEveryPages);
    const bool checkpointsAside = checkpointer.start(nullptr);
    if (checkpointsAside)
        ledger->setWalCommitHook([&checkpointer](int pages) { checkpointer.walGrew(pages); });
    const auto restoreCheckpoints = qScopeGuard([&] {
        if (checkpointsAside)
            ledger->setWalCommitHook({});
    });
    QFuture<QList<PackedRequest>> packing;
    QString packingId;
    qint64 committed = 0;
    const auto insertPacked = [&] {
        if (!packing.isValid())
            return;
        const QList<PackedRequest> packed = packing.result();
        packing = {};
        if (ok)
            ok = DraftStore(*ledger).storePackedRequests(packingId, packed);
        committed += packed.size();
        Q_EMIT progress(Stage::Storing, committed, result->requests);
    };
    const auto flush = [&] {
        if (!chunk.isEmpty() && ok && part >= 0) {
            insertPacked();
            packingId = result->localIds.at(part);
            packing = QtConcurrent::run([requests = std::move(chunk)] {
                QList<PackedRequest> packed;
                packed.reserve(requests.size());
                for (const StoredRequest& r : requests)
                    packed.append(ParamsCodec::pack(r));
                return packed;
            });
        }
        chunk.clear();
    };
    // The same reader again: params are stored as the exact bytes of the file.
    JsonlScanner::Options options;
    options.maxProblems = 1;
    options.splitLimits = m_options.limits;
    options.progress = [this](qint64, qint64) { return !m_cancel.load(); };
    // The file stored must be the file checked: same digest (a change that keeps the count of
    // requests and the split is caught here too).
    Sha256 sha;
    options.onBytes = [&sha](const char* data, qint64 size) { sha.add(data, size); };
    // Each part's create body is written while its requests are stored (the same bytes
    // DraftSubmitter would build from the ledger, without reading them back); it is sent only
    // once every request is stored and committed.
    m_bodies.clear();
    QString bodyError;
    const auto finishBody = [&] {
        if (ok && part >= 0 && !m_bodies.back()->finish()) {
            bodyError = m_bodies.back()->errorString();
            ok = false;
        }
    };
    JsonlScanner input(m_path, options);
    const bool read = input.scan([&](const JsonlScanner::Request& r) {
        if (splitter.place(BatchSplitter::requestBytes(r.customId.size(), r.params.size()))) {
            flush();
            finishBody();
            if (++part >= result->localIds.size()) {
                changed = true;
                return false;
            }
            if (ok) {
                m_bodies.push_back(CreateBodyFile::open(ledger->path(), &bodyError));
                ok = m_bodies.back() != nullptr;
            }
        }
        if (!ok)
            return false;
        chunk.append(StoredRequest{QString::fromLatin1(r.customId), r.params.toByteArray(), 1});
        if (!m_bodies.back()->append(chunk.last().customId, chunk.last().params)) {
            bodyError = m_bodies.back()->errorString();
            ok = false;
            return false;
        }
        ++stored;
        if (chunk.size() >= kChunkRequests)
            flush();
        return ok && !m_cancel.load();
    });
    flush();
    insertPacked();
    finishBody();
    if (m_cancel) {
        result->cancelled = true;
        result->message = tr("Cancelled: nothing was sent.");
        return false;
    }
    changed = changed || (ok && read &&
                          (input.errorCount() > 0 || stored != result->requests ||
                           part + 1 != result->localIds.size() || sha.hex() != m_sha256));
    if (read && ok && !changed)
        return true;
    m_bodies.clear();
    result->fileProblem = ok; // a changed or unreadable file; else the ledger failed
    const QString why = changed ? tr("the file changed while it was read; check it again")
                        : !read ? tr("the file could not be read again")
                        : !bodyError.isEmpty() ? bodyError
                                               : ledger->lastError();
    result->message = tr("Could not store the requests of %1: %2").arg(name, why);
    return false;
}

void FileSubmitter::abandonFrom(qsizetype index, const QString& note) {
    if (!m_ledger)
        return;
    for (qsizetype j = index; j < m_result.localIds.size(); ++j)
        DraftStore(*m_ledger).abandon(m_result.localIds.at(j), note);
}

void FileSubmitter::run() {
    Result& result = m_result;
    if (!m_client || !m_ledger) {
        result.message = tr("Internal error: no API client or ledger.");
        finish(result);
        return;
    }
    m_prices = std::make_unique<PriceBook>(PriceBook::load());
    QList<QList<JsonlScanner::ModelEstimate>> parts;
    if (m_options.checked && m_options.checked->requests >= 0 &&
        !m_options.checked->sha256.isEmpty()) {
        // The caller's scan was this pass (the CLI's check): its figures and digest.
        result.requests = m_options.checked->requests;
        parts = m_options.checked->parts;
        m_sha256 = m_options.checked->sha256;
    } else if (!read(&result, &parts)) {
        finish(result);
        return;
    }

    BatchLocal local;
    local.sourceFile = QFileInfo(m_path).absoluteFilePath();
    local.sourceSha256 = m_sha256;
    local.submittedBy = m_options.submittedBy.isEmpty() ? osUserName() : m_options.submittedBy;
    local.profile = m_options.profile;
    local.submittedAt = QDateTime::currentDateTimeUtc();
    BudgetGate gate(*m_ledger, *m_prices);
    const BudgetGate::Reservation reservation =
        gate.reserve(local, parts, m_options.overrideReason, local.submittedBy);
    result.verdict = reservation.verdict;
    if (reservation.blocked) {
        result.blocked = true;
        QStringList lines;
        for (const BudgetGate::Line& l : reservation.verdict.blockingLines())
            lines.append(l.toText());
        result.message = tr("Over budget: nothing was sent.") + QLatin1Char('\n') +
                         lines.join(QLatin1Char('\n'));
        finish(result);
        return;
    }
    if (!reservation.ok) {
        result.message = tr("Could not reserve the budget: %1").arg(reservation.error);
        finish(result);
        return;
    }
    result.localIds = reservation.localIds;
    result.overrideId = reservation.overrideId;
    Q_EMIT draftsReserved(result.localIds);

    if (!store(&result)) {
        abandonFrom(0, result.cancelled ? tr("not sent: cancelled")
                                        : tr("not sent: storing the requests failed"));
        finish(result);
        return;
    }
    m_drafts = new DraftSubmitter(m_client, m_ledger, this);
    connect(m_drafts, &DraftSubmitter::finished, this, [this](const DraftSubmitter::Result& r) {
        Result& result = m_result;
        if (!r.ok && r.cancelled) {
            abandonFrom(m_next + 1, tr("not sent: cancelled"));
            result.cancelled = true;
            result.mayHaveBeenCreated = r.mayHaveBeenCreated;
            result.message =
                r.mayHaveBeenCreated
                    ? tr("Cancelled after the body of batch %1 of %2 was sent: it may have been "
                         "created, and is reconciled with the server's list.")
                          .arg(m_next + 1)
                          .arg(result.localIds.size())
                    : tr("Cancelled: %n batch(es) had been created before.", nullptr,
                         int(result.createdBatchIds.size()));
            m_drafts->deleteLater();
            m_drafts = nullptr;
            finish(result);
            return;
        }
        if (!r.ok) {
            abandonFrom(m_next + 1, tr("not sent: an earlier part failed"));
            QString msg = tr("Creating batch %1 of %2 failed: %3")
                              .arg(m_next + 1)
                              .arg(result.localIds.size())
                              .arg(r.message);
            if (r.mayHaveBeenCreated)
                msg += QLatin1Char(' ') + tr("The batch may have been created; it is "
                                             "reconciled with the server's list.");
            if (!result.createdBatchIds.isEmpty())
                msg +=
                    QLatin1Char(' ') + tr("Created before the failure: %1.")
                                           .arg(result.createdBatchIds.join(QLatin1String(", ")));
            result.error = r.error;
            result.mayHaveBeenCreated = r.mayHaveBeenCreated;
            result.message = msg;
            m_drafts->deleteLater();
            m_drafts = nullptr;
            finish(result);
            return;
        }
        result.createdBatchIds.append(r.batch.id);
        ++m_next;
        sendNext();
    });
    connect(m_drafts, &DraftSubmitter::uploadProgress, this,
            [this](qint64 sent, qint64 total) { Q_EMIT progress(Stage::Sending, sent, total); });
    sendNext();
}

void FileSubmitter::sendNext() {
    Result& result = m_result;
    if (m_next < result.localIds.size() && m_cancel) {
        abandonFrom(m_next, tr("not sent: cancelled"));
        result.cancelled = true;
        result.message = tr("Cancelled: %n batch(es) had been created before.", nullptr,
                            int(result.createdBatchIds.size()));
    }
    if (m_next >= result.localIds.size() || result.cancelled) {
        result.ok = !result.cancelled;
        m_drafts->deleteLater();
        m_drafts = nullptr;
        finish(result);
        return;
    }
    Q_EMIT partSending(int(m_next), int(result.localIds.size()));
    // The body built while storing; none (not expected): DraftSubmitter builds it from the
    // ledger.
    std::unique_ptr<CreateBodyFile> body;
    if (m_next < qsizetype(m_bodies.size()))
        body = std::move(m_bodies[size_t(m_next)]);
    m_drafts->submit(result.localIds.at(m_next), std::move(body));
}

} // namespace bs
