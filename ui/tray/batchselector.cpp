#include "batchselector.h"

#include "batches/batchfilterproxy.h"
#include "batches/batchtablemodel.h"
#include "mainwindow.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTableView>

namespace bs::ui {

namespace {
QModelIndex find(QAbstractItemModel* model, const QString& batchId) {
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex i = model->index(r, 0);
        if (i.data(BatchTableModel::BatchIdRole).toString() == batchId)
            return i;
    }
    return {};
}
} // namespace

bool BatchSelector::select(MainWindow* window, const QString& batchId) {
    auto* view = window->findChild<QTableView*>(QStringLiteral("batchTable"));
    if (!view || !view->model() || batchId.isEmpty())
        return false;
    if (!find(window->batchModel(), batchId).isValid())
        return false;
    QModelIndex index = find(view->model(), batchId);
    if (!index.isValid()) {
        // Hidden by a filter: show every batch (through the widgets, so they say so).
        if (auto* status = window->findChild<QComboBox*>(QStringLiteral("statusFilter")))
            status->setCurrentIndex(0);
        if (auto* text = window->findChild<QLineEdit*>(QStringLiteral("filterText")))
            text->clear();
        index = find(view->model(), batchId);
        if (!index.isValid())
            return false;
    }
    view->setCurrentIndex(index);
    view->selectRow(index.row());
    view->scrollTo(index);
    view->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace bs::ui
