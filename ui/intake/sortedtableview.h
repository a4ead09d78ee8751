#pragma once

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace bs::ui {

// The Submit dialog's tables: a model behind a sorting proxy (sorted by `sortRole`), whole rows
// selected one at a time, alternating rows, no row numbers.
inline QTableView* makeSortedTableView(QAbstractItemModel* model, int sortRole, const QString& name,
                                       QWidget* parent) {
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace bs::ui
