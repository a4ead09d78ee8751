#pragma once

// Header-only (the test targets that include it link bs_core; bs_testsupport does not).
#include "api/apierror.h"
#include "api/apijob.h"

#include <QSignalSpy>

namespace bs::test {

// Waits for an ApiJob to finish and returns its error (ApiError::isOk() on success). The job is
// kept alive (auto-delete off) so the caller can read its result; the caller deletes it.
template <typename Job> ApiError waitForJob(Job* job, int timeoutMs = 60000) {
    job->setAutoDelete(false);
    if (!job->isFinished()) {
        QSignalSpy spy(job, &ApiJob::finished);
        if (!spy.wait(timeoutMs))
            return ApiError::make(ApiError::Kind::Aborted, QStringLiteral("test wait expired"));
    }
    return job->error();
}

} // namespace bs::test
