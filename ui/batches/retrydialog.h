#pragma once

#include "ledger/retryclass.h"
#include "monitor/batchoperations.h"

#include <QDialog>
#include <QList>
#include <QMap>

class QCheckBox;
class QLabel;

namespace bs::ui {

// The confirmation of "Retry errored": how many pending items of the batch are in each retry
// class, one checkbox per class that has items; the classes re-sent by default
// (RetrySubmitter::defaultClasses: transient, expired) come checked, the others (billing,
// fix-required, access denied, canceled) unchecked, each with what it means. Re-sending costs
// money, so OK is labelled with the number of items it sends.
class RetryDialog : public QDialog {
    Q_OBJECT

public:
    explicit RetryDialog(const bs::BatchOperations::RetrySummary& summary,
                         QWidget* parent = nullptr);

    // The classes checked.
    QList<RetryClass> chosenClasses() const;
    // Items the checked classes hold.
    qint64 chosenItems() const;
    QCheckBox* checkBoxFor(RetryClass retryClass) const { return m_boxes.value(retryClass); }

private:
    void updateButton();

    bs::BatchOperations::RetrySummary m_summary;
    QMap<RetryClass, QCheckBox*> m_boxes;
    QPushButton* m_ok = nullptr;
};

} // namespace bs::ui
