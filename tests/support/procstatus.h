#pragma once

#include <QtGlobal>

namespace bs::test {

// A figure in kB from /proc/<pid>/status, e.g. "VmHWM:" (peak RSS) or "VmRSS:"; pid 0 = this
// process. -1 when it cannot be read.
qint64 procStatusKb(qint64 pid, const char* field);

} // namespace bs::test
