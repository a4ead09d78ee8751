#pragma once

#include <QString>

namespace bs::ui {

class MainWindow;

// Selects a batch in the main window's table (its details and items show below it), clearing
// the table's filters first when they hide it. Used by notifications and the alert log.
class BatchSelector {
public:
    // False: the batch is not in the table (not loaded yet, or not in this ledger).
    static bool select(MainWindow* window, const QString& batchId);
};

} // namespace bs::ui
