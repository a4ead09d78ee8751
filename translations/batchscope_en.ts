<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>bs::AlertRules</name>
    <message>
        <source>Budget &quot;%1&quot; is used up: %2 spent of %3 (%4 period %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget &quot;%1&quot; passed %6 %: %2 spent of %3 (%4 period %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New batches are blocked by the budget gate; raise the budget or cancel batches still in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the batches in progress and the spend by model (&apos;batchscope-cli cost&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 ended with %2 of %3 items errored (%4 %, above %5 %). Look at the errors with &apos;batchscope-cli results %1&apos; and re-send what can be retried with &apos;batchscope-cli retry %1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 is still in progress and expires in %2 h (at %3 UTC); %4 items are not done. What is not done by then expires: plan to re-send it with &apos;batchscope-cli retry %1&apos; after it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results of batch %1 are not in the ledger and will be archived (gone for good) in %2 h, at %3 UTC. Fetch them now: &apos;batchscope-cli results %1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model &quot;%1&quot; is not in the price table: %2 results have no cost, so spend and budgets under-count. Add its price to a user price file, then run &apos;batchscope-cli reprice&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API has refused the key for %1 minutes (%2). Nothing is polled or ingested: store a valid key with &apos;batchscope-cli key set&apos; or fix ANTHROPIC_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API has been unreachable for %1 minutes (%2). Batches keep running on the server; check the network or the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It counts model %1 only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batches in flight may add up to %1 (worst case).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 (%2, %3 requests) has been in progress for %4 h; batches like it took %5 h (median) and %6 h at P95 (%7 ended batches of this ledger). It may be stuck on the server&apos;s side: check &apos;batchscope-cli status %1&apos; and the API&apos;s status page; what is not done at 24 h expires and can be re-sent with &apos;batchscope-cli retry %1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ApiClient</name>
    <message>
        <source>&apos;%1&apos; is not a valid batch id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API URL &apos;%1&apos; is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused to send the API key over %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieve batch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel batch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete batch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List all batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download results of batch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the batch has no results yet (it has not ended); wait until it ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no results URL was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: a create body must be a non-empty random-access device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ApiError</name>
    <message>
        <source>The organization&apos;s monthly spend cap is reached; raise it in the Console or wait until the next month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the request; it was rejected as invalid and will not succeed unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key was not accepted: enter a valid key for this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the billing details of the organization in the Console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key has no access to this resource or workspace: use another key or workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch or path does not exist (or belongs to another workspace): check the id and the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is too large: split the batch into smaller ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited: wait a moment and try again; Batchscope already retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API is overloaded: try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API had a problem: try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the request and the settings, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection broke after the request was sent, so it may have been carried out: refresh the batch list before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection and the API base URL, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer came in time, so the request may still have been carried out: refresh the batch list before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time: check the network and try again, or raise the request timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection could not be established: check the system clock, proxy and certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an https:// base URL; plain http is only allowed for 127.0.0.1, ::1 and localhost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was not understood: check that the base URL points at the Anthropic API, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results download ended in the middle of a line: download the results again (already stored lines are not counted twice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the settings (API key, workspace, base URL) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused an insecure connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n complete result line(s) had been received.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tried %n time(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Request id: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is set: enter one in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API client is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not a JSON object (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not a message_batch object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not a page of batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer has no input_tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not a message_batch_deleted object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last line (%1 bytes) is not complete JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the download broke after %n complete line(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The request body could not be read again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not a cost report page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cost report bucket has no valid starting_at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cost report amount is not a decimal string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection ended after %1 of the %2 bytes announced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::BatchOperations</name>
    <message>
        <source>Batches are not watched yet (no API key was found, or the ledger is not open), so nothing can be sent to the API. Set a key with `batchscope-cli key set` and start the console again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a batch id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not cancel %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API accepted the cancel of %1, but the ledger could not store it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel of %1 requested: the API stops the requests not yet processed; those already done keep their results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 has not ended: only an ended batch can be deleted. Cancel it first and wait for it to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results of %1 are not stored yet, and they cannot be fetched once the batch is deleted. Ingest its results first (Ingest Results Now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted on the server, but the ledger could not mark it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted on the server; its results and costs stay in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 has not ended: its results are not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 is no longer on the server: its results cannot be fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results cannot be ingested: monitoring is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the results of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is attached to %2: its failed items can now be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of %1 re-sent as batch %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::BatchRequestsBuilder</name>
    <message>
        <source>custom_id &apos;%1&apos; must be 1 to 64 letters, digits, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the params of &apos;%1&apos; are not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a batch holds at most %1 requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a batch body is at most 256 MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::BatchStore</name>
    <message>
        <source>A batch without an id cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No batch %1 in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::BudgetGate</name>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 %3, %4): spent %5, in flight %6, this file %7, limit %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the file uses a model without a price: its cost cannot be bounded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per UTC day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per UTC month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 %3, %4): spent %5, in flight %6, this retry %7, limit %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the retry uses a model without a price: its cost cannot be bounded)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::BudgetStore</name>
    <message>
        <source>An override needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ConsoleMetricsWorker</name>
    <message>
        <source>The metrics cannot read the ledger: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DogStatsD target is not HOST:PORT: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot serve metrics on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ConsoleRules</name>
    <message>
        <source>Batch %1 ended: %2 succeeded, %3 errored, %4 canceled, %5 expired; cost %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) have no price.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Batch %1 has %2 failed item(s) (%3 errored, %4 expired). They are in the retry queue: Batch → Retry Errored… re-sends them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ConsoleSession</name>
    <message>
        <source>The API address %1 cannot be used: %2 Set ANTHROPIC_BASE_URL to an https address (or http on this machine only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batches are not watched. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batches are not watched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another file is being sent; send this one when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: the console is not connected to the API. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is still starting; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The estimate was not calibrated: the console is not connected to the API. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::CreateBodyFile</name>
    <message>
        <source>Could not create a temporary file for the request body in %1: free some disk space and submit again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the request body to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::DraftStore</name>
    <message>
        <source>No draft %1 in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft %1 is already %2; requests can only be added before it is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft %1 is not waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft %1 is %2 and cannot be linked to batch %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger %1: the stored params of request %2 of draft %3 are damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::DraftSubmitter</name>
    <message>
        <source>Internal error: no API client or ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No draft %1 in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft %1 is %2; only a stored draft can be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft %1 holds no requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 was created but could not be recorded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled after the whole request body was sent: the batch may have been created; the next refresh of the batch list reconciles it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled before the request body was sent whole: no batch was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canceled before it was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled before the request body was sent: no batch was created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::FileSubmitter</name>
    <message>
        <source>A file is being submitted already; wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was stored or sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n error(s): nothing was sent. Check it again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed since it was checked (%2 requests, now %3): check it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n warning(s): nothing was sent. Read them, then accept them to send the file as it is.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file changed while it was read; check it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file could not be read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the requests of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: no API client or ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over budget: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reserve the budget: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: storing the requests failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after the body of batch %1 of %2 was sent: it may have been created, and is reconciled with the server&apos;s list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n batch(es) had been created before.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not sent: an earlier part failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating batch %1 of %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch may have been created; it is reconciled with the server&apos;s list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created before the failure: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::IngestReport</name>
    <message numerus="yes">
        <source>Batch %1: %n result line(s) ingested</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 succeeded, %2 errored, %3 canceled, %4 expired), cost %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) use a model without a price: their cost is unknown (not $0).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) could not be read and were not stored.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) of the batch have no result.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 fewer results than the batch&apos;s %2 requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) added to the retry queue.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Batch %1: its results are in the ledger already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::IngestWorker</name>
    <message>
        <source>Cannot open the ledger %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read batch %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store batch %1 in the ledger: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 has not ended yet, so it has no results to ingest. Try again when it has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1, line %2 of the results file cannot be used: %3. It was not stored; its custom_id will be reported as missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add failed items of batch %1 to the retry queue: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store results of batch %1 in the ledger: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The results of batch %1 could not be downloaded completely (%n download(s)): %2 What was read is stored; ingest again to finish.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot mark batch %1 as ingested: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingesting batch %1 was canceled. What was stored stays; ingest again to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot count the results of batch %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 is being ingested by another process on this ledger (%2, its claim runs until %3 UTC); it is left to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot claim batch %1 in the ledger: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::JsonlScanner</name>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the file (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line is %1 MB long; a batch carries at most %2 MB, so it cannot be sent. Split or shorten the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file starts with a byte order mark (BOM); it is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank line; it is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not UTF-8 text (byte 0x%1). Save the file as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a JSON object; each line must be {&quot;custom_id&quot;: ..., &quot;params&quot;: {...}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid JSON (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a model id such as &quot;claude-haiku-5-5&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be at least 1 inside a batch (it is %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a whole number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a list of messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must hold at least one message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streaming is not possible inside a batch; remove &quot;stream&quot;: true.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch does not accept &quot;%1&quot;; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch does not accept the research preview; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored: a request has only &quot;custom_id&quot; and &quot;params&quot;; this field is not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing; every request needs a custom_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be 1 to 64 letters, digits, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used twice: on line %2 and on this line %3. Each custom_id must be unique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing; every request needs params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing; name the model to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing; set the most output tokens the request may produce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing; a request needs messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the price table: its cost cannot be estimated (unpriced). Check the spelling, or add it to pricing.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a moving alias: pin the version (&quot;%2&quot;) so that price and behaviour cannot change under you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is above the %2 output tokens %3 can produce in a batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is above %2: the request needs the extended-output beta (anthropic-beta: output-300k-2026-03-24), or it will fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt is about %1 tokens (characters / 4), more than the %2-token context window of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) end with CRLF (Windows line ends); accepted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; was already used in a batch of this ledger: its results would be ambiguous. Use new ids (UUIDs, for example).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no requests.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::Ledger</name>
    <message>
        <source>Ledger %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger is not open (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger used from a thread that does not own its connection (%1); open a Ledger on that thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the ledger. Check that it is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the ledger file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the ledger %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger %1 is damaged or not a Batchscope ledger (%2). It was not changed. Move it aside to start a new ledger, or restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is an SQLite database but not a Batchscope ledger. It was not changed. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger %1 has an unreadable schema version (%2). It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger %1 was written by a newer version of Batchscope (schema version %2; this version knows up to %3). It was not changed. Update Batchscope to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot switch the ledger %1 to WAL mode: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the ledger %1 to schema version %2 failed; nothing was changed. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger %1: checkpoint failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the ledger %1: the Qt SQLite driver gives no SQLite handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger used on the GUI thread (%1): the console runs its SQL on worker threads.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::MonitorWorker</name>
    <message>
        <source>Nothing was sent: the console is not connected to the API (no key, or the ledger could not be opened).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The estimate was not calibrated: the console is not connected to the API (no key, or the ledger could not be opened).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::NotificationCenter</name>
    <message>
        <source>Batch ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget threshold crossed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many errored items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch close to its expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results close to the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model without a price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batchscope alert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::Poller</name>
    <message>
        <source>The ledger could not store what the server reported, so this poll does not count; polling backs off and tries again. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::PriceBook</name>
    <message>
        <source>Pricing file %1: field &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing; expected a price in USD per million tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number (USD per million tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-negative number below 1,000,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-negative number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing; expected a date YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a date YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing; expected the model id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing; expected true or false (whether inference_geo &quot;us&quot; costs more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a positive whole number of tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be later than effective_from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pricing file %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pricing file %1 is not valid JSON (at byte %2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the top level must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported version (this program reads 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-negative number (USD per 1,000 searches)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing; expected a list of models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lists no model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in prices are used until the file is fixed or removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::Profiles</name>
    <message>
        <source>A profile name is 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos; (and not &quot;current&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::Repricer</name>
    <message>
        <source>Repricing failed, nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ResultExporter</name>
    <message>
        <source>Cannot write %1: %2. Choose another folder or file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the results of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export canceled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1 (cost $%2).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were stored before Batchscope kept results as received: they are rebuilt from the stored fields (no message content).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::ResultLineParser</name>
    <message>
        <source>the line is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is text after the JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;custom_id&quot; is missing or empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;result&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has the wrong type or value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;result.type&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a succeeded result without &quot;message&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a succeeded result without &quot;message.usage&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ResultStore</name>
    <message>
        <source>Ledger %1: results of batch %2 cannot be stored: the batch is not in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger %1: result %2 points into a block of lines that was not handed over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger %1: the stored result lines of batch %2 are damaged (block %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger %1: the stored result line of %2 in batch %3 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::RetryClass</name>
    <message>
        <source>Transient: retry as is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing: retry after a top-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix required: change the request first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired: retry as is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled: retry if still wanted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access denied: change the API key or the workspace first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::RetryQueue</name>
    <message>
        <source>Retry item %1 is not pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No items chosen to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the chosen items has stored params (their batches were not created by Batchscope); nothing to retry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::RetrySubmitter</name>
    <message>
        <source>Internal error: no API client or ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger. Check the id, or let the poller discover it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 was created by another tool, so Batchscope has no stored params for its items and cannot re-send them. Attach the JSONL file it was made from first (batchscope-cli retry --source FILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 has no pending retry items of class %2; nothing to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No items chosen to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These items of batch %1 are not waiting for a retry (succeeded, already re-sent or unknown): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 already has its requests stored; nothing to attach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds %2 requests but batch %3 has %4: it is not the file the batch was made from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no line for custom_id &quot;%2&quot; of batch %3: it is not the file the batch was made from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attaching the source file failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot estimate the retry: no temporary file (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: re-sending these %n item(s) of %1 could pass a budget (%2). Raise the budget (batchscope-cli budget set), retry fewer items, or override with a reason.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::SecretStore</name>
    <message>
        <source>Could not read the API key from the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the API key in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the API key from the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access was denied. Unlock the keyring (or allow Batchscope) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service is available. Start a Secret Service such as GNOME Keyring or KWallet, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this platform&apos;s keychain does not support it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the keyring is running and unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is stored for &apos;%1&apos;: enter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is stored for &apos;%1&apos; (or the keyring is locked): enter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 s. Check that the keyring (Secret Service) is running and unlocked; a password prompt may be waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key: %1 is not set and the keychain holds none for &apos;%2&apos; (or the keyring is locked). Store one with &apos;batchscope-cli key set&apos; (it reads the key from stdin), or set the %1 environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the keychain works, store a key with &apos;batchscope-cli key set&apos; (it reads the key from stdin), or set the %1 environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Slack webhook URL: %1 is not set and the keychain holds none. Store one with &apos;batchscope-cli key set --slack-webhook&apos; (it reads the URL from stdin), or set %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not answer when asked for the Slack webhook URL. Check that the keyring is running and unlocked, or set %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the Slack webhook URL from the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the Slack webhook URL in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the Slack webhook URL from the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the keyring (Secret Service) is running and unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Admin API key: %1 is not set and the keychain holds none. Store one with &apos;batchscope-cli key set --admin&apos; (it reads the key from stdin), or set %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not answer when asked for the Admin API key. Check that the keyring is running and unlocked, or set %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain failed with the Admin API key. Check that the keyring (Secret Service) is running and unlocked, or set %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::SettingsStore</name>
    <message>
        <source>A budget needs a name and a limit of $0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::SlackSink</name>
    <message>
        <source>No Slack webhook is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::TokenCalibrator</name>
    <message>
        <source>Internal error: no API client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has errors; fix them before calibrating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count_tokens failed: %1 The estimate stays local (characters / 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no request could be counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to calibrate: the file names no model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not calibrated, estimated locally (characters / 4): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration canceled; the estimate stays local (characters / 4).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::AlertsCommand</name>
    <message>
        <source>List the alert log (what fired, and how its delivery went), newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only alerts from this day on (UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N alerts (default 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit wants a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert log is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::BatchWaiter</name>
    <message>
        <source>Polling failed (will try again): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gave up waiting for %1: %2 The batches were created; run &apos;batchscope-cli status&apos; and &apos;batchscope-cli results BATCH&apos; later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingesting the results of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::BudgetCommand</name>
    <message>
        <source>Set, list or clear the budgets that submit checks every file against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;budget set NAME (--usd AMOUNT | --input-tokens N) --period day|month [--model MODEL]&apos; limits spend in US dollars (exact to the micro-dollar) or input tokens per UTC day or UTC month, over all models or one. Setting an existing NAME replaces it. &apos;budget list&apos; shows each with what was spent in its current period (ingested results), what is in flight (the worst case of batches not yet ingested) and what remains. &apos;budget clear NAME&apos; removes one. A submission whose worst case would pass a budget is refused (exit 7) unless --override-budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set, list or clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budget&apos;s name (set, clear).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit in US dollars, e.g. 25 or 12.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit in input tokens instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day or month (UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this model&apos;s requests (default: all models).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;budget list&apos; takes no NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing ACTION: write &apos;budget set&apos;, &apos;budget list&apos; or &apos;budget clear&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;: write &apos;budget set&apos;, &apos;budget list&apos; or &apos;budget clear&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write &apos;budget set NAME (--usd AMOUNT | --input-tokens N) --period day|month [--model MODEL]&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give exactly one limit: --usd AMOUNT or --input-tokens N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--usd &quot;%1&quot; is not an amount of US dollars: write e.g. 25 or 12.50 (at most six decimals, no sign).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--input-tokens &quot;%1&quot; is not a number of tokens (0 or more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing --period: day or month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--period &quot;%1&quot;: write day or month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--model needs a model id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the price table: a USD budget for it counts nothing it can price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget %1 set: %2 per UTC %3, %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 %3, %4): spent %5, in flight %6, remaining %7 of %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No budgets. Set one with &apos;batchscope-cli budget set NAME --usd AMOUNT --period day|month&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write &apos;budget clear NAME&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No budget named &quot;%1&quot; (&apos;budget list&apos; shows them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::CancelCommand</name>
    <message>
        <source>Ask the API to cancel a batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the API to cancel a batch. Requests already processed keep their results; the batch ends once the API has stopped the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch id (msgbatch_...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel requested.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::CliApp</name>
    <message>
        <source>The command to run (see Commands above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;batchscope-cli --help&apos; for the usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command given. Run &apos;batchscope-cli --help&apos; for the list of commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run &apos;batchscope-cli --help&apos; for the list of commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headless Batchscope: submit, watch and account Message Batches with the same ledger as the app.

Commands (&apos;batchscope-cli COMMAND --help&apos; tells more):
%1
The global options below may also follow the command.
Ledger: --ledger, else the app&apos;s (%2).
API key: $ANTHROPIC_API_KEY when set, else the key stored with &apos;key set&apos;. It is read only when something is about to be sent.

Exit codes:
  0  ok
  1  usage error (unknown command or option, missing value)
  2  input file invalid (nothing was sent)
  3  API or network error
  4  API key missing or refused, keychain unavailable
  5  ledger error
  6  partial: some items errored, expired or were canceled
  7  over budget: a budget would be passed, nothing was sent
  8  reconcile: the ledger and Anthropic&apos;s cost report differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::CliContext</name>
    <message>
        <source>Cannot open the ledger %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid base URL %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a batch id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the ingestion of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile named &quot;%1&quot;. Profiles: %2 (add one in the console: Settings → Preferences → Connection).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::CliFormat</name>
    <message>
        <source>%1  %2  processing %3, succeeded %4, errored %5, canceled %6, expired %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  [discovered: created by another tool, cannot be re-sent]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  [retry of %1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  [results ingested]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::Command</name>
    <message>
        <source>API base URL (default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger file (default: the app&apos;s ledger).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine-readable output: one JSON object on stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;batchscope-cli %1 --help&apos; for its usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The named profile (workspace) to use: its base URL, its key in the keychain, and the profile new batches are recorded under (default: &quot;default&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::CostCommand</name>
    <message>
        <source>Spend from the ledger, in total or by model, day or batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds up the cost of the ingested results (integer micro-dollars, exact). Results of models the price table does not know are counted as unpriced, not as $0 (&apos;reprice&apos; prices them once the table knows the model). No key, no network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only results of this UTC day and later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by model, day or batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--by must be model, day or batch, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1 over %2 results (%3 succeeded, %4 errored)%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 results of unpriced models are not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::ExportCommand</name>
    <message>
        <source>Write the stored results of a batch as JSONL or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the results of a batch that are stored in the ledger (run `results BATCH` first) to FILE, or to stdout. JSONL has the shape of the API&apos;s results file, rebuilt from the ledger (the message content is not stored). CSV has one row per item: batch_id, custom_id, type, model, tokens by class, cost_usd (exact), error_type, error_message. A file is written under a temporary name and renamed at the end: an interrupted export leaves no partial file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch id (msgbatch_...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write CSV instead of JSONL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to FILE instead of stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a batch id (msgbatch_...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger %2. Check the id, or run `batchscope-cli status %1` first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stdout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results of %1 are not all stored yet; run `batchscope-cli results %1` for the rest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::KeyCommand</name>
    <message>
        <source>set or clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;: write &apos;key set&apos; or &apos;key clear&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key (typing is not shown): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the key from stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key on stdin. Pipe it in, e.g. &apos;batchscope-cli key set &lt; keyfile&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the API key (or the Slack webhook URL) in the OS keychain, or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Slack incoming-webhook URL for alerts instead of the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slack webhook URL (typing is not shown): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No URL on stdin. Pipe it in, e.g. &apos;batchscope-cli key set --slack-webhook &lt; urlfile&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a webhook URL: it must start with https:// (e.g. https://hooks.slack.com/services/...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slack webhook URL stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slack webhook URL removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;key set&apos; reads the API key from stdin (a pipe, or typed at a prompt that does not show it) and stores it in the OS keychain; it is never taken from the command line. &apos;key clear&apos; removes it. ANTHROPIC_API_KEY, when set, is used before the keychain.
With --slack-webhook the same is done for the Slack incoming-webhook URL that alerts are posted to (the URL is a secret: it is never shown). BATCHSCOPE_SLACK_WEBHOOK_URL, when set, is used before the keychain.
With --admin the same is done for the Admin API key that &apos;reconcile&apos; uses (ANTHROPIC_ADMIN_KEY, when set, is used before the keychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Admin API key (for &apos;reconcile&apos;) instead of the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin API key (typing is not shown): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin API key stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin API key removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::ReconcileCommand</name>
    <message>
        <source>Compare the ledger&apos;s cost per day and model with Anthropic&apos;s cost report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetches the Admin API&apos;s cost report (batch tier, grouped by description) from --since (default: the last 7 days) through today and shows, per UTC day and model, the ledger&apos;s cost, Anthropic&apos;s and the difference; web searches get a row of their own per day. A difference over 1 % (and at least $0.001), or results the ledger could not price, is flagged and the exit code is 8. Needs the Admin API key: ANTHROPIC_ADMIN_KEY, else the keychain (&apos;key set --admin&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this UTC day (default: 6 days ago).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid base URL %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Admin API refused the key (%1). Reconciliation needs an Admin API key, not an ordinary API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day         model                         ledger        Anthropic     difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(web search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  FLAGGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to compare: neither the ledger nor the cost report has batch spend in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) flagged.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The ledger and Anthropic agree.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::RepriceCommand</name>
    <message>
        <source>Price again the results of models the price table did not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results ingested while their model was missing from the price table are stored as unpriced (never as $0). Once the table knows the model (a newer Batchscope, or your own %1), &apos;reprice&apos; computes their cost with the current prices and reports what changed, per model. Running it again changes nothing. No key, no network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only results of this UTC day and later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>  %1: %n result(s), %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repriced %n result(s), adding %1:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to reprice: no unpriced result has a price now. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still unpriced, the price table does not know their model: %1. Add the model to %2 and run &apos;batchscope-cli reprice&apos; again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::ResultsCommand</name>
    <message>
        <source>Ingest the results of an ended batch now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads and ingests the results of an ended batch: usage, cost, and failed items into the retry queue. Idempotent: a second run inserts nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch id (msgbatch_...).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::RetryCommand</name>
    <message>
        <source>Re-send failed items of a batch with their stored params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSONL file a batch of another tool was made from (needed once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch id (msgbatch_...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 was created by another tool, so Batchscope has no stored params for its items and cannot re-send them. Attach the JSONL file it was made from: batchscope-cli retry %1 --source FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Re-sent %n item(s) of %1 as:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Retry classes, comma-separated: transient, billing, fix_required, access_denied, expired, canceled (default: transient,expired).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown retry class &quot;%1&quot;. Classes: transient, billing, fix_required, access_denied, expired, canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-sends the failed items of a batch, of the given retry classes, with the params stored when they were first sent, as a new batch. A batch created by another tool has no stored params: attach the JSONL file it was made from once with --source. Like submit, the retry goes through the budget gate first (exit 7 when its worst case would pass a budget, unless --override-budget).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-send the items although their worst case would pass a budget; REASON is recorded in the ledger with your name and the figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--override-budget needs a reason, e.g. --override-budget &quot;month-end rerun approved by J. Kim&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of %1 was re-sent: the retry&apos;s worst case would pass a budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To send it: raise the budget (&apos;batchscope-cli budget set&apos;), wait until batches in flight are ingested or the period turns, retry fewer classes, or retry again with --override-budget REASON (recorded in the ledger with your name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent past the budget (override #%1 recorded): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::StatsCommand</name>
    <message>
        <source>Processing time of ended batches: P50 and P95 per model and size band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long batches took on this ledger, from creation to end (canceled batches left out), grouped by model (the model with the most requests in the batch&apos;s draft; &apos;unknown&apos; for batches of other tools) and size band (requests: 1-99, 100-999, 1000-9999, 10000-100000). P50 and P95 are nearest-rank percentiles: times that happened. The watcher&apos;s metrics export the same figures. No key, no network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ended batch yet: nothing to measure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2  %3  %4  %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P95</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::StatusCommand</name>
    <message>
        <source>Refresh and show one batch, or every tracked batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshes one batch from the API, or every tracked batch with one poll cycle (which also discovers batches created by other tools), and shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch id (msgbatch_...); all tracked batches when absent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No batches tracked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::SubmitCommand</name>
    <message>
        <source>Validate a JSONL file, store every request, create the batch(es).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the batches end and ingest the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSONL file to submit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Submitted %1 requests from %2 as %n batch(es):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted %1 requests as %2; waiting for the end...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the file although the check found warnings (they are printed either way).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing was sent. Fix the lines above and submit again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not sent: its worst case would pass a budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To send it: raise the budget (&apos;batchscope-cli budget set&apos;), wait until batches in flight are ingested or the period turns, or submit again with --override-budget REASON (recorded in the ledger with your name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validates a JSONL file of {&quot;custom_id&quot;, &quot;params&quot;} lines (nothing is sent and no key is needed when it is invalid), stores every request in the ledger, then creates the batch(es): a file above 100,000 requests or 256 MB is split, in file order. Before anything is stored the budget gate compares its worst case with every budget (exit 7 when one would be passed, unless --override-budget). --wait polls until they end and ingests the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the file although its worst case would pass a budget; REASON is recorded in the ledger with your name and the figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--override-budget needs a reason, e.g. --override-budget &quot;quarter-end report, approved by Kim&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent past the budget (override #%1 recorded): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::ValidateCommand</name>
    <message>
        <source>Check a JSONL file as submit would: no key, no network, nothing stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N requests per batch (default 100000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--split-at must be a number from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSONL file to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... and %1 more problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid. Fix the lines above and check it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is valid: %2 requests, sent as %n batch(es).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checks every line of a JSONL file of {&quot;custom_id&quot;, &quot;params&quot;} objects and lists each problem as FILE:LINE[:COLUMN][:FIELD]: error|warning|note: what is wrong. Errors make the file invalid (exit 2); warnings and notes do not (exit 0). Needs no API key and sends nothing; an existing ledger is read (never created) to warn about custom_ids used before. A file without errors is reported with the batches it would be sent as (at most 100,000 requests and 256 MB each) and the estimate per model: requests, input tokens (characters / 4), output tokens at worst (max_tokens) and the worst-case cost at batch prices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): read them; to send the file as it is, submit again with --accept-warnings.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>  %1: %2 requests, ~%3 input tokens, at most %4 output tokens, at most %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibrate the input-token estimate with the API&apos;s count_tokens on a sample of up to %1 requests per model (needs an API key; sends those requests to count_tokens only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(calibrated with count_tokens; ~%1 locally)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibrating the estimate with count_tokens...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --calibrate (an API key is needed) up to %1 requests per model, spread through the file, are sent to count_tokens (never created as a batch) and the input-token estimate and its cost are calibrated with what it counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1: %2 requests, ~%3 input tokens, at most %4 output tokens, at most %5, expected %6 (the output this ledger has seen).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::WatchCommand</name>
    <message>
        <source>Poll, ingest, raise alerts and serve metrics until stopped (or once, for cron).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watches every batch of the ledger: polls the API, ingests the results of ended batches, evaluates the alert rules after each cycle (each alert fires once per rule, subject and period, across restarts and other watchers of the same ledger) and posts what fires to Slack when a webhook URL is stored (&apos;key set --slack-webhook&apos;) or BATCHSCOPE_SLACK_WEBHOOK_URL is set. Prints one line per event (with --json: one JSON object per line). SIGINT or SIGTERM stop it cleanly.
With --metrics-listen the metrics are served at http://HOST:PORT/metrics (Prometheus text format; port 0 picks a free one) and the URL is the first line printed. With --statsd they are pushed to a DogStatsD agent after each cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run one cycle (poll, ingest, alerts, deliveries), then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve Prometheus metrics on HOST:PORT, e.g. 127.0.0.1:9464 (off by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push metrics to a DogStatsD agent at HOST:PORT (UDP), e.g. 127.0.0.1:8125.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;watch&apos; takes no arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--metrics-listen wants HOST:PORT, e.g. 127.0.0.1:9464.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--statsd wants HOST:PORT, e.g. 127.0.0.1:8125.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::WatchSession</name>
    <message>
        <source>The Slack webhook URL is not a URL; alerts go to the alert log only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert %1 delivered to Slack (attempts: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert %1 not delivered to Slack after %2 attempts: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot serve metrics on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 of another tool is now tracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 is no longer known to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching %1 (Slack alerts: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ingestion in progress was stopped; the next run resumes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the alert rules could not be evaluated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGTERM received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGINT received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::AboutDialog</name>
    <message>
        <source>About Batchscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop console for Anthropic&apos;s Message Batches API: validate, submit, watch, account and retry batch workloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License: GNU General Public License, version 3 or later (GPL-3.0-or-later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::AlertLogDock</name>
    <message>
        <source>Alert Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter alerts by rule, batch id or text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::AlertLogModel</name>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop: shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop: logged only (no system tray)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log only (no sink)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slack: sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Slack: delivered (%n attempt(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Slack: failed after %n attempt(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop: no tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slack: delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slack: failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::AlertsPanel</name>
    <message>
        <source>Alert rules (this ledger, shared with watch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget thresholds (%):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errored share of a batch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn before the 24 h expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn before the results are archived:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API unreachable or key refused for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://hooks.slack.com/services/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics (while the console runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve /metrics on 127.0.0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST:PORT, e.g. 127.0.0.1:8125 (empty: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DogStatsD agent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics settings apply when the console starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget thresholds: write percentages between 1 and 1000, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DogStatsD agent: write HOST:PORT, e.g. 127.0.0.1:8125.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set (hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test message from the Batchscope console: Slack alerts work.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::BatchActions</name>
    <message>
        <source>&amp;Retry Errored…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;Selected Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ingest Results Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach Source File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Results as &amp;JSONL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Results as C&amp;SV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-send the failed items of the selected batch (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the API to cancel the selected batch (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected ended batch on the server; the ledger keeps its results (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 was created by another tool: attach its source file first (Batch → Attach Source File…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 has no failed items waiting to be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Re-sending %n item(s) of %1…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Retry Selected Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Re-send %n item(s) of %1 as a new batch? This is billed like any batch.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Re-send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel batch %1? Requests not yet processed are dropped (not billed); those already done keep their results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete batch %1 on the server? Its results can no longer be downloaded from the API; the ledger keeps what it stored (results, costs, retry items).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the source file of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.ndjson *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Results as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Results as JSONL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting the results of %n batch(es)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batchscope</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::BatchDetails</name>
    <message>
        <source>Select a batch to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results ingested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not ingested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not ended yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpriced results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache writes (5 min / 1 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 / %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 result(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source and lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created by another tool (no stored requests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retried by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated at submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unpriced model: no figure (~%1 input tokens, at most %2 output tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 (~%2 input tokens, at most %3 output tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual against the estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% of the worst case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::BatchTableModel</name>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended, results pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not ingested</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 + %n unpriced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>another tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by another tool: its requests are not stored here, so its failed items cannot be re-sent until its source file is attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server no longer knows this batch (deleted elsewhere, or in another workspace). It is not polled any more; its stored requests and results stay in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running for %1; a batch expires after %2. The API reports no per-request progress until the batch ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded %1 · Errored %2 · Canceled %3 · Expired %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ %1 (estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored, not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write-ahead: every request is stored in the ledger (%1) before the batch is created, so nothing is lost or sent twice if the create fails or its answer is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>~%1 (P95 %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any time now (P95 %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue (P95 %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Median %1 and 95th percentile %2 of %n ended batch(es) of %3 with half to twice as many requests, in this ledger.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No estimate: this ledger has no ended batch of this model with a similar number of requests yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on the server from here on %1. Its stored requests, results and costs stay in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::BudgetBar</name>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 committed + %2 this file of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No budget is set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::BudgetTableModel</name>
    <message>
        <source>USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In flight (worst case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent (all profiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In flight (all profiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In flight (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::BudgetsDialog</name>
    <message>
        <source>Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submissions are checked against these budgets before anything is sent: spent (ingested results of the current UTC period) plus in flight (the worst case of batches not yet ingested) plus the file may not pass the limit. Every change is logged in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or change a budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. daily-usd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US dollars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Limits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per UTC day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per UTC month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 25 or 12.50 (USD), 1000000 (tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;imit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budgets cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the budget a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount of US dollars: write e.g. 25 or 12.50 (at most six decimals, no sign).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of tokens (0 or more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The gate checks the next submission against it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budget was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budgets are global: the gate counts the batches of every profile. The last two columns show what the chosen profile&apos;s batches spent (each batch counted on the day it ended; a batch of several models only under the all-model budgets) and what its drafts hold in flight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::CalibrationBar</name>
    <message>
        <source>Ca&amp;librate with count_tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts the input tokens of a few requests per model with the API&apos;s count_tokens (up to %1 each, spread through the file; nothing is created or billed) and scales the local estimate by what it says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens are estimated locally (characters / 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking count_tokens for a sample of the requests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The estimate stays local: count_tokens calibrated no model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Input tokens calibrated with count_tokens on %n sampled request(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::ui::ConsoleAlerts</name>
    <message>
        <source>&amp;Alert Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::EstimateTableModel</name>
    <message>
        <source>unpriced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input, plus output at the share of max_tokens that %1 has used in this ledger&apos;s results so far (all of it when there is no history yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every request&apos;s input, plus max_tokens of output, at the batch price of %1: the most this file can cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the price table: its cost cannot be estimated or held against a budget. Add its price to your price file, or use a priced model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local estimate: about one token per four characters of params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::ItemTableModel</name>
    <message>
        <source>unpriced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::ItemText</name>
    <message>
        <source>%1, stop reason %2, %3 input / %4 output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result line was not stored (ingested before Batchscope kept results as received); rebuilt from the stored fields, without the message content:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored line is not JSON (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(The message has no content.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1 %2] input: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[thinking] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::ItemsPanel</name>
    <message>
        <source>All results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search custom_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any error class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search error message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an item to see its message text or error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::KeyPanel</name>
    <message>
        <source>Stored key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a new key here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Store Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is stored for the profile &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is stored for the profile &quot;%1&quot;: paste one and store it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ANTHROPIC_API_KEY is set: this session uses it instead of the stored key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the key into &quot;New key&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is stored for this profile: store one, then test it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key works: %1 answered the list call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was refused (HTTP 401): it is wrong, revoked or of another organization. Store the right key for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be tested: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::MainWindow</name>
    <message>
        <source>Batchscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a JSONL file here to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or choose File → Open JSONL… (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open JSONL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Batchscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open JSONL file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.ndjson *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in progress</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n awaiting results</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>spent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unpriced result(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not refresh the batches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Results of %1 stored: %n line(s), %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention: errored or expired items, unpriced results, or results not ingested yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by batch id or source file (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Batch ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n batch ID(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching %1 · last poll %2 · next %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last poll failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One request per line: {&quot;custom_id&quot;: …, &quot;params&quot;: {…}}. Batchscope checks every line, shows how the file will be split to fit the API limits, what it will cost per model and what it adds to your budgets, before anything is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;conciliation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone or deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::PlanTableModel</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::PriceDiffModel</name>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dated prices changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache write 5m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache write 1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::PriceTablePanel</name>
    <message>
        <source>Prices come from the built-in table, overridden by %1 when it exists. Choose a file in the same format (resources/pricing.json): its models replace or add to the built-in ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply This Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reprice Unpriced Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Price Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price tables (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This price table was not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is valid and prices every model as the table in use does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is valid. It changes the prices of %n model(s) (below); Apply to use it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied: new results are priced with this table. Results stored as unpriced can be repriced now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to reprice: no unpriced result has a price now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Repriced %n result(s), adding %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) are still unpriced: the table does not know their model.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::ui::ProblemPanel</name>
    <message>
        <source>Select a problem to see its line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is about the file as a whole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has changed since it was checked: the line is not there any more. Check the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a line of %1: characters %2 to %3 are shown)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::ProblemTableModel</name>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::ProfileBox</name>
    <message>
        <source>All profiles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::ReconcileTableModel</name>
    <message>
        <source>Web search</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n unpriced)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger and Anthropic differ by more than 1 % (and at least $0.001), or the ledger holds results it could not price. Check the price table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::ReconciliationDialog</name>
    <message>
        <source>Reconciliation with Anthropic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (UTC):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching Anthropic&apos;s cost report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to compare: no batch spend in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) differ by more than 1 %: check the price table.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The ledger and Anthropic agree on every row.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::RetryDialog</name>
    <message>
        <source>Retry Errored Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Batch %1 has %n item(s) waiting to be retried. The checked classes are re-sent as a new batch with the params stored when they were first sent; this is billed like any batch.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 item(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Re-send %n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::ui::SettingsActions</name>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Budgets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the batches of one profile (workspace) only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles (workspaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: $ANTHROPIC_BASE_URL, else %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https, or plain http to this machine only (127.0.0.1, localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console &amp;uses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New batches are recorded under this profile. A change applies when Batchscope is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key of the profile (kept in the system keychain only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll at most every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll at least every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console polls quickly while a batch is young and slowly when nothing is in flight, within these bounds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The poll bounds and the language apply when Batchscope is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new profile (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;default&quot; cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL of the profile &quot;%1&quot; cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quickest poll interval (%1 s) is longer than the slowest (%2 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts &amp;&amp; metrics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::SpendChartModel</name>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst case in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache write 5m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache write 1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In flight (worst case): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent this day: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved by the batch discount: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved by cache reads: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) ended</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Several models</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::SpendDashboard</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative spend (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily spend by model (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens by class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch processing time (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spend yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once batches end and their results are stored, this page shows the cumulative spend against your budget with the worst case of what is still in flight, the daily spend of each model, the tokens of each class with what the batch discount and cache reads saved, and how long batches took against the 24-hour limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To get data, drop a JSONL request file on the window (or File → Open JSONL…) and submit it, or run &lt;tt&gt;batchscope-cli submit FILE&lt;/tt&gt;; results are read in as each batch ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the spend: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in flight at worst %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch discount saved %1 (%2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache reads saved %1 (%2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unpriced result(s) not counted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Show the spend of one profile (workspace) only. For one profile the figures come from the totals of its batches, each counted on the day the batch ended; a batch of several models shows as &quot;several models&quot;. All profiles: the spend of each result&apos;s day, per model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::SpendDock</name>
    <message>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Spend Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::SubmitDialog</name>
    <message>
        <source>Submit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot be sent from here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%p% read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading the file (nothing is sent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Override…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it although a budget would be passed: you type why, and the ledger records it with your name and the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the check was stopped; nothing was sent. The problems found so far are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n error(s). Nothing can be sent until they are fixed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no request to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not split: the file cannot be sent as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the lines listed, save the file and drop it here again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 problems are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s), no problems found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s), no errors; read the warnings and notes listed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will be sent as %n batch(es), in file order.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send despite %n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The ledger could not be read, so custom_ids already used were not checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To send it: batchscope-cli submit &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A budget blocks this file: %1. Nothing is sent unless you override it with a reason (recorded in the ledger).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file would pass a budget. Why must it be sent anyway? The reason is recorded in the ledger with your name and the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An override needs a reason: nothing was sent. Press Override… again and say why the file must pass the budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file again and storing every request in the ledger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing every request in the ledger before anything is sent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading to the API. Cancel stops what is not created yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent as %n batch(es).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Created: %1. They are in the table; the console watches them and stores their results and cost when they end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was created; the stored requests were set aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created before the cancel: %1. The rest was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created before the failure: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last create may have reached the server: the console matches it against the server&apos;s list of batches before anything is sent again, so do not send the file again until it shows in the table or is set aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading batch %1 of %2: %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop sending: what is not created yet is not sent (a create whose body was sent whole is reconciled with the server&apos;s list).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ui::TrayPresenter</name>
    <message>
        <source>Show Batchscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Running in the Tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window keeps Batchscope watching in the system tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system tray on this desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batchscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) in flight</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Budget &quot;%1&quot;: %2 % used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No budget set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batchscope keeps watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console runs on in the tray. Quit from its menu or with File → Quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Batchscope console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batchscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger cannot be opened, so nothing can be shown or sent:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
