#pragma once

#include "ledger/resultrow.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace bs::ui {

// What the Items tab shows for one item, from its row and its line as received (nullopt: the
// ledger has none, a result stored before ledger version 8). Pure; runs on the ledger worker's
// thread, so that a large line is parsed off the GUI thread.
//  - succeeded: the message's text blocks, in order; other blocks (tool_use, thinking,
//    server_tool_use, ...) summarized on one line each (a tool_use's name and compact input);
//  - errored: the error object pretty-printed (JSON, indented);
//  - canceled / expired / anything else: the line pretty-printed.
// A header line says outcome, model, stop reason and tokens; a row without a stored line shows
// what the ledger kept, and says why.
class ItemText {
    Q_DECLARE_TR_FUNCTIONS(bs::ui::ItemText)

public:
    static QString describe(const ResultRow& row, const std::optional<QByteArray>& line);
    // The longest text shown of a summarized block (a tool_use's input, a thinking block).
    static constexpr int kSummaryChars = 300;
};

} // namespace bs::ui
