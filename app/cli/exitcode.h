#pragma once

namespace bs::cli {

// The documented exit codes of batchscope-cli (docs/cli.md, and the end of --help).
struct Exit {
    enum Code : int {
        Ok = 0,
        Usage = 1,         // unknown command or option, missing value, nothing to do
        InputInvalid = 2,  // the input file is invalid: nothing was sent
        ApiFailure = 3,    // API or network error
        AuthMissing = 4,   // API key missing or refused, keychain unavailable
        LedgerFailure = 5, // the ledger cannot be opened, read or written
        Partial = 6,       // some items errored, expired or were canceled
        OverBudget = 7,    // submit, retry: a budget would be passed; nothing was sent
        Discrepancy = 8,   // reconcile: the ledger and Anthropic's cost report differ
    };
};

} // namespace bs::cli
