#pragma once

#include "cost/money.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <map>

namespace bs {

class Ledger;
class PriceBook;

// Prices again the results stored as unpriced (their model was missing from the price table)
// with `book`, on the spend day of each row, in one transaction: either every unpriced row that
// can be priced now is, or none is. Running it again changes nothing. Shared by `batchscope-cli
// reprice` and Settings → Prices (on the ledger worker). Use it on the Ledger's thread.
class Repricer {
    Q_DECLARE_TR_FUNCTIONS(bs::Repricer)

public:
    struct ModelChange {
        qint64 rows = 0;
        Money micros = 0;
    };
    struct Report {
        bool ok = false;
        QString error;                           // when not ok: nothing was changed
        std::map<QString, ModelChange> repriced; // model -> what changed
        std::map<QString, qint64> stillUnpriced; // model -> rows the table still does not know
        qint64 rows() const;
        Money micros() const;
        qint64 unpricedRows() const;
    };

    // Only rows of this UTC day and later when `since` is valid.
    static Report run(Ledger& ledger, const PriceBook& book, QDate since = {});
};

} // namespace bs
