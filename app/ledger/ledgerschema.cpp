#include "ledgerschema.h"

namespace bs {

namespace {

QList<LedgerSchema::Migration> build() {
    QList<LedgerSchema::Migration> list;

    // Version 1: the whole first schema. Money: integer micro-dollars; tokens: integers;
    // times: ISO 8601 UTC text with milliseconds ("2026-11-28T02:52:23.123Z").
    list.append(
        {1,
         {
             QStringLiteral(R"(CREATE TABLE batches(
            id TEXT PRIMARY KEY,
            processing_status TEXT NOT NULL,
            count_processing INTEGER NOT NULL DEFAULT 0,
            count_succeeded INTEGER NOT NULL DEFAULT 0,
            count_errored INTEGER NOT NULL DEFAULT 0,
            count_canceled INTEGER NOT NULL DEFAULT 0,
            count_expired INTEGER NOT NULL DEFAULT 0,
            created_at TEXT,
            expires_at TEXT,
            ended_at TEXT,
            cancel_initiated_at TEXT,
            archived_at TEXT,
            results_url TEXT,
            source_file TEXT,
            source_sha256 TEXT,
            submitted_by TEXT,
            submitted_at TEXT,
            retry_of TEXT,
            workspace TEXT,
            local_id TEXT UNIQUE,
            discovered INTEGER NOT NULL DEFAULT 0,
            results_ingested_at TEXT,
            updated_at TEXT NOT NULL))"),
             QStringLiteral("CREATE INDEX batches_unended ON batches(created_at) "
                            "WHERE processing_status <> 'ended'"),
             QStringLiteral(
                 "CREATE INDEX batches_status ON batches(processing_status, created_at)"),
             QStringLiteral("CREATE INDEX batches_retry_of ON batches(retry_of) "
                            "WHERE retry_of IS NOT NULL"),

             // Write-ahead: a draft is the local batch before (and after) the server id is known.
             QStringLiteral(R"(CREATE TABLE drafts(
            local_id TEXT PRIMARY KEY,
            state TEXT NOT NULL
                CHECK (state IN ('stored', 'creating', 'created', 'abandoned')),
            batch_id TEXT UNIQUE,
            source_file TEXT,
            source_sha256 TEXT,
            submitted_by TEXT,
            retry_of TEXT,
            workspace TEXT,
            request_count INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            creating_at TEXT,
            note TEXT))"),
             QStringLiteral("CREATE INDEX drafts_open ON drafts(state) "
                            "WHERE state IN ('stored', 'creating')"),

             // Requests as submitted. params: the JSON bytes of "params", as ParamsCodec stores
             // them: params_compressed 0 plain, 1 qCompress (older versions), 2 zstd; params_size
             // is the uncompressed size.
             QStringLiteral(R"(CREATE TABLE requests(
            id INTEGER PRIMARY KEY,
            local_id TEXT NOT NULL REFERENCES drafts(local_id),
            custom_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            params BLOB NOT NULL,
            params_compressed INTEGER NOT NULL DEFAULT 0,
            params_size INTEGER NOT NULL,
            attempt INTEGER NOT NULL DEFAULT 1,
            retry_of TEXT,
            UNIQUE (local_id, custom_id)))"),
             QStringLiteral("CREATE INDEX requests_seq ON requests(local_id, seq)"),

             // One row per result line. cost_micros NULL = unpriced (unknown model), never 0.
             QStringLiteral(R"(CREATE TABLE results(
            batch_id TEXT NOT NULL REFERENCES batches(id),
            custom_id TEXT NOT NULL,
            type TEXT NOT NULL,
            message_id TEXT,
            model TEXT,
            stop_reason TEXT,
            input_tokens INTEGER NOT NULL DEFAULT 0,
            output_tokens INTEGER NOT NULL DEFAULT 0,
            cache_creation_input_tokens INTEGER NOT NULL DEFAULT 0,
            cache_read_input_tokens INTEGER NOT NULL DEFAULT 0,
            cache_creation_5m_tokens INTEGER NOT NULL DEFAULT 0,
            cache_creation_1h_tokens INTEGER NOT NULL DEFAULT 0,
            has_cache_breakdown INTEGER NOT NULL DEFAULT 0,
            web_search_requests INTEGER NOT NULL DEFAULT 0,
            web_fetch_requests INTEGER NOT NULL DEFAULT 0,
            service_tier TEXT,
            inference_geo TEXT,
            error_type TEXT,
            error_message TEXT,
            request_id TEXT,
            cost_micros INTEGER,
            priced INTEGER NOT NULL DEFAULT 1,
            long_prompt_band INTEGER NOT NULL DEFAULT 0,
            day TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            PRIMARY KEY (batch_id, custom_id)))"),
             QStringLiteral("CREATE INDEX results_day ON results(day)"),
             QStringLiteral("CREATE INDEX results_model ON results(model)"),

             QStringLiteral(R"(CREATE TABLE retry_queue(
            id INTEGER PRIMARY KEY,
            batch_id TEXT NOT NULL,
            custom_id TEXT NOT NULL,
            class TEXT NOT NULL
                CHECK (class IN ('transient', 'billing', 'fix_required', 'expired', 'canceled')),
            error_type TEXT,
            error_message TEXT,
            attempt INTEGER NOT NULL DEFAULT 1,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'drafted', 'resent', 'dismissed')),
            draft_local_id TEXT,
            resent_batch_id TEXT,
            enqueued_at TEXT NOT NULL,
            resent_at TEXT,
            UNIQUE (batch_id, custom_id)))"),
             QStringLiteral("CREATE INDEX retry_queue_state ON retry_queue(state, class)"),
             QStringLiteral("CREATE INDEX retry_queue_draft ON retry_queue(draft_local_id) "
                            "WHERE draft_local_id IS NOT NULL"),

             QStringLiteral(R"(CREATE TABLE alerts(
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            severity TEXT NOT NULL,
            kind TEXT NOT NULL,
            batch_id TEXT,
            message TEXT NOT NULL))"),
             QStringLiteral("CREATE INDEX alerts_at ON alerts(at)"),

             QStringLiteral(R"(CREATE TABLE settings(
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL))"),
             QStringLiteral(R"(CREATE TABLE budgets(
            name TEXT PRIMARY KEY,
            limit_micros INTEGER NOT NULL CHECK (limit_micros >= 0),
            period TEXT NOT NULL CHECK (period IN ('total', 'month', 'day')),
            updated_at TEXT NOT NULL))"),
         }});

    // Version 2: the results_day / results_model indexes go. Bulk ingestion is bound by the
    // B-trees each result insert updates (bench_ingest: four with them, two without), while the
    // cost reports that group by day or model read every row of their range anyway.
    list.append({2,
                 {
                     QStringLiteral("DROP INDEX results_day"),
                     QStringLiteral("DROP INDEX results_model"),
                 }});

    // Version 3: retry class "access_denied" (authentication_error / permission_error: the key or
    // the workspace must change, not the params). SQLite cannot change a CHECK in place, so the
    // table is rebuilt; the items already queued as fix_required for those errors move over.
    list.append({3,
                 {
                     QStringLiteral(R"(CREATE TABLE retry_queue_v3(
            id INTEGER PRIMARY KEY,
            batch_id TEXT NOT NULL,
            custom_id TEXT NOT NULL,
            class TEXT NOT NULL
                CHECK (class IN ('transient', 'billing', 'fix_required', 'expired', 'canceled',
                                 'access_denied')),
            error_type TEXT,
            error_message TEXT,
            attempt INTEGER NOT NULL DEFAULT 1,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'drafted', 'resent', 'dismissed')),
            draft_local_id TEXT,
            resent_batch_id TEXT,
            enqueued_at TEXT NOT NULL,
            resent_at TEXT,
            UNIQUE (batch_id, custom_id)))"),
                     QStringLiteral(
                         R"(INSERT INTO retry_queue_v3(id, batch_id, custom_id, class, error_type,
                error_message, attempt, state, draft_local_id, resent_batch_id, enqueued_at,
                resent_at)
            SELECT id, batch_id, custom_id,
                CASE WHEN class = 'fix_required'
                          AND error_type IN ('authentication_error', 'permission_error')
                     THEN 'access_denied' ELSE class END,
                error_type, error_message, attempt, state, draft_local_id, resent_batch_id,
                enqueued_at, resent_at
            FROM retry_queue)"),
                     QStringLiteral("DROP TABLE retry_queue"),
                     QStringLiteral("ALTER TABLE retry_queue_v3 RENAME TO retry_queue"),
                     QStringLiteral("CREATE INDEX retry_queue_state ON retry_queue(state, class)"),
                     QStringLiteral("CREATE INDEX retry_queue_draft ON retry_queue(draft_local_id) "
                                    "WHERE draft_local_id IS NOT NULL"),
                 }});

    // Version 4: batches.gone_at, set once the server answered 404 for a tracked batch on two
    // polling cycles (deleted elsewhere, or another workspace): such a batch is no longer
    // polled nor ingested, and the console shows it as gone.
    list.append({4,
                 {
                     QStringLiteral("ALTER TABLE batches ADD COLUMN gone_at TEXT"),
                 }});

    // Version 5: summaries of the results, kept by ResultStore in the same transaction as the
    // rows it inserts or re-prices (SummaryStore), so that what the views show often is read
    // from a few rows instead of a scan of every result: per batch (batch_costs) and per spend
    // day and model (day_model_costs; a result without a model counts under ''). Every figure
    // is a plain sum over the results it covers; back-filled here from the results present.
    list.append({5,
                 {
                     QStringLiteral(R"(CREATE TABLE batch_costs(
            batch_id TEXT PRIMARY KEY,
            results INTEGER NOT NULL DEFAULT 0,
            succeeded INTEGER NOT NULL DEFAULT 0,
            errored INTEGER NOT NULL DEFAULT 0,
            canceled INTEGER NOT NULL DEFAULT 0,
            expired INTEGER NOT NULL DEFAULT 0,
            unpriced INTEGER NOT NULL DEFAULT 0,
            cost_micros INTEGER NOT NULL DEFAULT 0,
            input_tokens INTEGER NOT NULL DEFAULT 0,
            output_tokens INTEGER NOT NULL DEFAULT 0,
            cache_creation_input_tokens INTEGER NOT NULL DEFAULT 0,
            cache_creation_5m_tokens INTEGER NOT NULL DEFAULT 0,
            cache_creation_1h_tokens INTEGER NOT NULL DEFAULT 0,
            cache_read_input_tokens INTEGER NOT NULL DEFAULT 0,
            web_search_requests INTEGER NOT NULL DEFAULT 0,
            web_fetch_requests INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)"),
                     QStringLiteral(R"(CREATE TABLE day_model_costs(
            day TEXT NOT NULL,
            model TEXT NOT NULL,
            results INTEGER NOT NULL DEFAULT 0,
            succeeded INTEGER NOT NULL DEFAULT 0,
            errored INTEGER NOT NULL DEFAULT 0,
            canceled INTEGER NOT NULL DEFAULT 0,
            expired INTEGER NOT NULL DEFAULT 0,
            unpriced INTEGER NOT NULL DEFAULT 0,
            cost_micros INTEGER NOT NULL DEFAULT 0,
            input_tokens INTEGER NOT NULL DEFAULT 0,
            output_tokens INTEGER NOT NULL DEFAULT 0,
            cache_creation_input_tokens INTEGER NOT NULL DEFAULT 0,
            cache_creation_5m_tokens INTEGER NOT NULL DEFAULT 0,
            cache_creation_1h_tokens INTEGER NOT NULL DEFAULT 0,
            cache_read_input_tokens INTEGER NOT NULL DEFAULT 0,
            web_search_requests INTEGER NOT NULL DEFAULT 0,
            web_fetch_requests INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (day, model)) WITHOUT ROWID)"),
                     QStringLiteral(R"(INSERT INTO batch_costs SELECT batch_id, COUNT(*),
            SUM(type = 'succeeded'), SUM(type = 'errored'), SUM(type = 'canceled'),
            SUM(type = 'expired'), SUM(priced = 0), COALESCE(SUM(cost_micros), 0),
            SUM(input_tokens), SUM(output_tokens), SUM(cache_creation_input_tokens),
            SUM(cache_creation_5m_tokens), SUM(cache_creation_1h_tokens),
            SUM(cache_read_input_tokens), SUM(web_search_requests), SUM(web_fetch_requests)
            FROM results GROUP BY batch_id)"),
                     QStringLiteral(R"(INSERT INTO day_model_costs SELECT day, COALESCE(model, ''),
            COUNT(*), SUM(type = 'succeeded'), SUM(type = 'errored'), SUM(type = 'canceled'),
            SUM(type = 'expired'), SUM(priced = 0), COALESCE(SUM(cost_micros), 0),
            SUM(input_tokens), SUM(output_tokens), SUM(cache_creation_input_tokens),
            SUM(cache_creation_5m_tokens), SUM(cache_creation_1h_tokens),
            SUM(cache_read_input_tokens), SUM(web_search_requests), SUM(web_fetch_requests)
            FROM results GROUP BY day, COALESCE(model, ''))"),
                 }});

    // Version 6: edge-triggered alerts. alert_state holds one row per (rule, subject, period)
    // that has fired: active while the condition holds, cleared once it does not, so that it
    // fires again only after it cleared and returned. The alert log learns which rule and
    // subject an entry is about and how its delivery (Slack) went.
    list.append({6,
                 {
                     QStringLiteral(R"(CREATE TABLE alert_state(
            rule TEXT NOT NULL,
            subject TEXT NOT NULL,
            period TEXT NOT NULL,
            active INTEGER NOT NULL CHECK (active IN (0, 1)),
            fired_at TEXT NOT NULL,
            cleared_at TEXT,
            fire_count INTEGER NOT NULL DEFAULT 1,
            alert_id INTEGER,
            PRIMARY KEY (rule, subject, period)))"),
                     QStringLiteral("CREATE INDEX alert_state_active ON alert_state(rule) "
                                    "WHERE active = 1"),
                     QStringLiteral("ALTER TABLE alerts ADD COLUMN subject TEXT"),
                     QStringLiteral("ALTER TABLE alerts ADD COLUMN period TEXT"),
                     QStringLiteral("ALTER TABLE alerts ADD COLUMN delivery TEXT NOT NULL "
                                    "DEFAULT 'none' CHECK (delivery IN ('none', 'pending', "
                                    "'delivered', 'failed'))"),
                     QStringLiteral("ALTER TABLE alerts ADD COLUMN delivery_attempts INTEGER "
                                    "NOT NULL DEFAULT 0"),
                     QStringLiteral("ALTER TABLE alerts ADD COLUMN delivery_note TEXT"),
                     QStringLiteral("ALTER TABLE alerts ADD COLUMN delivered_at TEXT"),
                 }});

    // Version 7: the budget gate. A budget gains a kind (USD, or input tokens: limit_micros
    // then holds tokens), a model ('' = all models) and keeps its period (day, month; 'total'
    // stays readable). draft_reservations: what each write-ahead draft commits per model
    // (worst case), counted against the budgets while its batch is in flight.
    // budget_overrides: every submission sent past a budget, with who, when, why and the
    // figures it was blocked with (JSON).
    list.append({7,
                 {
                     QStringLiteral("ALTER TABLE budgets ADD COLUMN kind TEXT NOT NULL DEFAULT "
                                    "'usd' CHECK (kind IN ('usd', 'input_tokens'))"),
                     QStringLiteral("ALTER TABLE budgets ADD COLUMN model TEXT NOT NULL "
                                    "DEFAULT ''"),
                     QStringLiteral(R"(CREATE TABLE draft_reservations(
            local_id TEXT NOT NULL REFERENCES drafts(local_id),
            model TEXT NOT NULL,
            requests INTEGER NOT NULL DEFAULT 0,
            input_tokens INTEGER NOT NULL DEFAULT 0,
            max_output_tokens INTEGER NOT NULL DEFAULT 0,
            worst_case_micros INTEGER NOT NULL DEFAULT 0,
            unpriced INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (local_id, model)) WITHOUT ROWID)"),
                     QStringLiteral(R"(CREATE TABLE budget_overrides(
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            reason TEXT NOT NULL,
            local_ids TEXT NOT NULL,
            figures TEXT NOT NULL))"),
                 }});

    // Version 8: each result line as received, for the items view and the JSONL export, in
    // blocks: result_blocks holds consecutive lines of one batch joined with '\n' (up to 256 KB
    // or 2,048 lines, ResultLineBlockBuilder), packed once by ParamsCodec (zstd -6) in the
    // ingestion's parse stage; results.line_block/line_index say where a row's line is. A block
    // is written by ResultStore in the same transaction as the rows that point into it. One
    // zstd frame per block instead of per line: far less CPU, a far better ratio, no B-tree per
    // line (the first form, one result_lines row per line, took bench_ingest from 126k to
    // 25-30k results/s and the ledger from 25 to 157 MB per 100k results; in blocks, zstd -6:
    // 95-102k/s, 1.4-1.65x the SDK, 85 MB per 100k, machine at load 1.8-4.8, where the same
    // build without lines did 186k/s; README, bench_ingest). Results stored before this version
    // have no line (line_block NULL): ingesting such a batch again fills them in (a block no row
    // ends up pointing into is not kept). batches.deleted_at: deleted on the server from this
    // console (gone_at stays "the server no longer knows it"; deletions recorded before this
    // version stay gone: nothing tells them apart). batch_models: a summary kept with the results
    // (SummaryStore), the models a batch's results used and how many each, so that a batch created
    // elsewhere shows its models without a scan of its results.
    list.append({8,
                 {
                     QStringLiteral(R"(CREATE TABLE result_blocks(
            id INTEGER PRIMARY KEY,
            batch_id TEXT NOT NULL,
            count INTEGER NOT NULL,
            codec INTEGER NOT NULL,
            raw_size INTEGER NOT NULL,
            body BLOB NOT NULL))"),
                     QStringLiteral("CREATE INDEX result_blocks_batch ON result_blocks(batch_id)"),
                     QStringLiteral("ALTER TABLE results ADD COLUMN line_block INTEGER"),
                     QStringLiteral("ALTER TABLE results ADD COLUMN line_index INTEGER"),
                     QStringLiteral("ALTER TABLE batches ADD COLUMN deleted_at TEXT"),
                     QStringLiteral(R"(CREATE TABLE batch_models(
            batch_id TEXT NOT NULL,
            model TEXT NOT NULL,
            results INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (batch_id, model)) WITHOUT ROWID)"),
                     QStringLiteral("INSERT INTO batch_models SELECT batch_id, model, COUNT(*) "
                                    "FROM results WHERE COALESCE(model, '') <> '' "
                                    "GROUP BY batch_id, model"),
                 }});

    // Version 9: workspaces and the budget log. batches.profile and drafts.profile: the named
    // profile (base URL and keychain entry) a batch was submitted under ('default' for every
    // older row). budget_changes: every change of a budget (set, replaced, removed) with when,
    // who (the OS user) and the budget before and after as JSON ('' when there was none).
    list.append({9,
                 {
                     QStringLiteral("ALTER TABLE batches ADD COLUMN profile TEXT NOT NULL "
                                    "DEFAULT 'default'"),
                     QStringLiteral("ALTER TABLE drafts ADD COLUMN profile TEXT NOT NULL "
                                    "DEFAULT 'default'"),
                     QStringLiteral("CREATE INDEX batches_profile ON batches(profile)"),
                     QStringLiteral(R"(CREATE TABLE budget_changes(
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            name TEXT NOT NULL,
            old_value TEXT NOT NULL,
            new_value TEXT NOT NULL))"),
                 }});

    // Version 10: ingestion claims. One row per batch being ingested, with its holder (a
    // process) and a lease: two watchers (or a watcher and the console) on one ledger never
    // ingest the same batch at once; the holder renews the lease while it works and deletes the
    // row when it ends; a holder that died leaves a row another may take over once it expired.
    list.append({10,
                 {
                     QStringLiteral(R"(CREATE TABLE ingest_claims(
            batch_id TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            claimed_at TEXT NOT NULL,
            expires_at TEXT NOT NULL) WITHOUT ROWID)"),
                 }});

    return list;
}

} // namespace

const QList<LedgerSchema::Migration>& LedgerSchema::migrations() {
    static const QList<Migration> list = build();
    return list;
}

int LedgerSchema::latestVersion() {
    return migrations().isEmpty() ? 0 : migrations().last().version;
}

} // namespace bs
