<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>bs::AlertRules</name>
    <message>
        <source>Budget &quot;%1&quot; is used up: %2 spent of %3 (%4 period %5).</source>
        <translation>예산 &quot;%1&quot;을(를) 모두 썼습니다: %3 중 %2 지출(%4 기간 %5).</translation>
    </message>
    <message>
        <source>Budget &quot;%1&quot; passed %6 %: %2 spent of %3 (%4 period %5).</source>
        <translation>예산 &quot;%1&quot;이(가) %6 %를 넘었습니다: %3 중 %2 지출(%4 기간 %5).</translation>
    </message>
    <message>
        <source>New batches are blocked by the budget gate; raise the budget or cancel batches still in progress.</source>
        <translation>예산 게이트가 새 배치를 막습니다. 예산을 올리거나 진행 중인 배치를 취소하세요.</translation>
    </message>
    <message>
        <source>Check the batches in progress and the spend by model (&apos;batchscope-cli cost&apos;).</source>
        <translation>진행 중인 배치와 모델별 지출을 확인하세요(&apos;batchscope-cli cost&apos;).</translation>
    </message>
    <message>
        <source>Batch %1 ended with %2 of %3 items errored (%4 %, above %5 %). Look at the errors with &apos;batchscope-cli results %1&apos; and re-send what can be retried with &apos;batchscope-cli retry %1&apos;.</source>
        <translation>배치 %1이(가) 항목 %3개 중 %2개 오류로 끝났습니다(%4 %, 기준 %5 % 초과). &apos;batchscope-cli results %1&apos;로 오류를 살펴보고, 재시도할 수 있는 항목은 &apos;batchscope-cli retry %1&apos;로 다시 보내세요.</translation>
    </message>
    <message>
        <source>Batch %1 is still in progress and expires in %2 h (at %3 UTC); %4 items are not done. What is not done by then expires: plan to re-send it with &apos;batchscope-cli retry %1&apos; after it ends.</source>
        <translation>배치 %1이(가) 아직 진행 중이며 %2시간 뒤(UTC %3)에 만료됩니다. 끝나지 않은 항목이 %4개입니다. 그때까지 끝나지 않은 항목은 만료되므로, 배치가 끝난 뒤 &apos;batchscope-cli retry %1&apos;로 다시 보낼 준비를 하세요.</translation>
    </message>
    <message>
        <source>The results of batch %1 are not in the ledger and will be archived (gone for good) in %2 h, at %3 UTC. Fetch them now: &apos;batchscope-cli results %1&apos;.</source>
        <translation>배치 %1의 결과가 원장에 없으며 %2시간 뒤(UTC %3)에 보관 처리되어 영구히 사라집니다. 지금 가져오세요: &apos;batchscope-cli results %1&apos;.</translation>
    </message>
    <message>
        <source>Model &quot;%1&quot; is not in the price table: %2 results have no cost, so spend and budgets under-count. Add its price to a user price file, then run &apos;batchscope-cli reprice&apos;.</source>
        <translation>모델 &quot;%1&quot;이(가) 가격표에 없습니다: 결과 %2개의 비용을 알 수 없어 지출과 예산이 적게 계산됩니다. 사용자 가격 파일에 가격을 추가한 뒤 &apos;batchscope-cli reprice&apos;를 실행하세요.</translation>
    </message>
    <message>
        <source>The API has refused the key for %1 minutes (%2). Nothing is polled or ingested: store a valid key with &apos;batchscope-cli key set&apos; or fix ANTHROPIC_API_KEY.</source>
        <translation>API가 %1분 동안 키를 거부했습니다(%2). 폴링도 수집도 하지 않습니다: &apos;batchscope-cli key set&apos;으로 올바른 키를 저장하거나 ANTHROPIC_API_KEY를 고치세요.</translation>
    </message>
    <message>
        <source>The API has been unreachable for %1 minutes (%2). Batches keep running on the server; check the network or the base URL.</source>
        <translation>API에 %1분 동안 연결할 수 없었습니다(%2). 배치는 서버에서 계속 실행됩니다. 네트워크나 기본 URL을 확인하세요.</translation>
    </message>
    <message>
        <source>%1 input tokens</source>
        <translation>입력 토큰 %1개</translation>
    </message>
    <message>
        <source>It counts model %1 only.</source>
        <translation>모델 %1만 집계합니다.</translation>
    </message>
    <message>
        <source>Batches in flight may add up to %1 (worst case).</source>
        <translation>진행 중인 배치가 최대 %1을(를) 더할 수 있습니다(최악의 경우).</translation>
    </message>
    <message>
        <source>Batch %1 (%2, %3 requests) has been in progress for %4 h; batches like it took %5 h (median) and %6 h at P95 (%7 ended batches of this ledger). It may be stuck on the server&apos;s side: check &apos;batchscope-cli status %1&apos; and the API&apos;s status page; what is not done at 24 h expires and can be re-sent with &apos;batchscope-cli retry %1&apos;.</source>
        <translation>배치 %1(%2, 요청 %3개)이(가) %4시간째 진행 중입니다. 비슷한 배치는 중앙값 %5시간, P95 %6시간이 걸렸습니다(이 원장에서 종료된 배치 %7개). 서버 쪽에서 멈췄을 수 있습니다. &apos;batchscope-cli status %1&apos;과 API 상태 페이지를 확인하세요. 24시간까지 끝나지 않은 항목은 만료되며 &apos;batchscope-cli retry %1&apos;로 다시 보낼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>bs::ApiClient</name>
    <message>
        <source>&apos;%1&apos; is not a valid batch id</source>
        <translation>&apos;%1&apos;은(는) 올바른 배치 ID가 아닙니다</translation>
    </message>
    <message>
        <source>the API URL &apos;%1&apos; is not valid</source>
        <translation>API URL &apos;%1&apos;이(가) 올바르지 않습니다</translation>
    </message>
    <message>
        <source>refused to send the API key over %1 to %2</source>
        <translation>%1 연결로 %2에 API 키를 보내는 것을 거부했습니다</translation>
    </message>
    <message>
        <source>Create batch</source>
        <translation>배치 생성</translation>
    </message>
    <message>
        <source>Retrieve batch %1</source>
        <translation>배치 %1 조회</translation>
    </message>
    <message>
        <source>Cancel batch %1</source>
        <translation>배치 %1 취소</translation>
    </message>
    <message>
        <source>Delete batch %1</source>
        <translation>배치 %1 삭제</translation>
    </message>
    <message>
        <source>List batches</source>
        <translation>배치 목록 조회</translation>
    </message>
    <message>
        <source>List all batches</source>
        <translation>전체 배치 목록 조회</translation>
    </message>
    <message>
        <source>Count tokens</source>
        <translation>토큰 수 계산</translation>
    </message>
    <message>
        <source>Download results of batch %1</source>
        <translation>배치 %1 결과 다운로드</translation>
    </message>
    <message>
        <source>the batch has no results yet (it has not ended); wait until it ends</source>
        <translation>배치에 아직 결과가 없습니다(아직 끝나지 않음). 끝날 때까지 기다리세요</translation>
    </message>
    <message>
        <source>Download results</source>
        <translation>결과 다운로드</translation>
    </message>
    <message>
        <source>no results URL was given</source>
        <translation>결과 URL이 없습니다</translation>
    </message>
    <message>
        <source>Internal error: a create body must be a non-empty random-access device.</source>
        <translation>내부 오류: 생성 요청 본문은 비어 있지 않은 임의 접근 장치여야 합니다.</translation>
    </message>
    <message>
        <source>Cost report</source>
        <translation>비용 보고서</translation>
    </message>
</context>
<context>
    <name>bs::ApiError</name>
    <message>
        <source>The organization&apos;s monthly spend cap is reached; raise it in the Console or wait until the next month.</source>
        <translation>조직의 월 지출 한도에 도달했습니다. Console에서 한도를 올리거나 다음 달까지 기다리세요.</translation>
    </message>
    <message>
        <source>Check the request; it was rejected as invalid and will not succeed unchanged.</source>
        <translation>요청을 확인하세요. 잘못된 요청으로 거부되었으므로 고치지 않으면 성공하지 않습니다.</translation>
    </message>
    <message>
        <source>The API key was not accepted: enter a valid key for this workspace.</source>
        <translation>API 키가 받아들여지지 않았습니다: 이 워크스페이스에 맞는 올바른 키를 입력하세요.</translation>
    </message>
    <message>
        <source>Fix the billing details of the organization in the Console.</source>
        <translation>Console에서 조직의 결제 정보를 바로잡으세요.</translation>
    </message>
    <message>
        <source>The key has no access to this resource or workspace: use another key or workspace.</source>
        <translation>이 키로는 해당 리소스나 워크스페이스에 접근할 수 없습니다: 다른 키나 워크스페이스를 사용하세요.</translation>
    </message>
    <message>
        <source>The batch or path does not exist (or belongs to another workspace): check the id and the workspace.</source>
        <translation>배치나 경로가 없습니다(또는 다른 워크스페이스에 속해 있습니다): ID와 워크스페이스를 확인하세요.</translation>
    </message>
    <message>
        <source>The request is too large: split the batch into smaller ones.</source>
        <translation>요청이 너무 큽니다: 배치를 더 작게 나누세요.</translation>
    </message>
    <message>
        <source>Rate limited: wait a moment and try again; Batchscope already retried.</source>
        <translation>요청 한도를 초과했습니다: 잠시 기다린 뒤 다시 시도하세요. Batchscope가 이미 재시도했습니다.</translation>
    </message>
    <message>
        <source>The API is overloaded: try again in a few minutes.</source>
        <translation>API가 과부하 상태입니다: 몇 분 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The API had a problem: try again in a few minutes.</source>
        <translation>API에 문제가 발생했습니다: 몇 분 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Try again later.</source>
        <translation>나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Check the request and the settings, then try again.</source>
        <translation>요청과 설정을 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The connection broke after the request was sent, so it may have been carried out: refresh the batch list before sending it again.</source>
        <translation>요청을 보낸 뒤 연결이 끊겼으므로 요청이 이미 처리되었을 수 있습니다: 다시 보내기 전에 배치 목록을 새로 고치세요.</translation>
    </message>
    <message>
        <source>Check the network connection and the API base URL, then try again.</source>
        <translation>네트워크 연결과 API 기본 URL을 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>No answer came in time, so the request may still have been carried out: refresh the batch list before sending it again.</source>
        <translation>제시간에 응답이 오지 않았지만 요청은 처리되었을 수 있습니다: 다시 보내기 전에 배치 목록을 새로 고치세요.</translation>
    </message>
    <message>
        <source>The server did not answer in time: check the network and try again, or raise the request timeout.</source>
        <translation>서버가 제시간에 응답하지 않았습니다: 네트워크를 확인하고 다시 시도하거나, 요청 제한 시간을 늘리세요.</translation>
    </message>
    <message>
        <source>The secure connection could not be established: check the system clock, proxy and certificates.</source>
        <translation>보안 연결을 설정하지 못했습니다: 시스템 시계, 프록시, 인증서를 확인하세요.</translation>
    </message>
    <message>
        <source>Use an https:// base URL; plain http is only allowed for 127.0.0.1, ::1 and localhost.</source>
        <translation>https:// 기본 URL을 사용하세요. 일반 http는 127.0.0.1, ::1, localhost에만 허용됩니다.</translation>
    </message>
    <message>
        <source>The answer was not understood: check that the base URL points at the Anthropic API, and try again.</source>
        <translation>응답을 해석하지 못했습니다: 기본 URL이 Anthropic API를 가리키는지 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The results download ended in the middle of a line: download the results again (already stored lines are not counted twice).</source>
        <translation>결과 다운로드가 줄 중간에서 끝났습니다: 결과를 다시 다운로드하세요(이미 저장된 줄은 두 번 세지 않습니다).</translation>
    </message>
    <message>
        <source>The operation was canceled.</source>
        <translation>작업이 취소되었습니다.</translation>
    </message>
    <message>
        <source>Check the settings (API key, workspace, base URL) and try again.</source>
        <translation>설정(API 키, 워크스페이스, 기본 URL)을 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The API answered HTTP %1</source>
        <translation>API 응답 HTTP %1</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>네트워크 오류</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>시간 초과</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>TLS 오류</translation>
    </message>
    <message>
        <source>Refused an insecure connection</source>
        <translation>안전하지 않은 연결 거부</translation>
    </message>
    <message>
        <source>Unreadable answer</source>
        <translation>읽을 수 없는 응답</translation>
    </message>
    <message>
        <source>Truncated results</source>
        <translation>잘린 결과</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Configuration problem</source>
        <translation>설정 문제</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n complete result line(s) had been received.</source>
        <translation>
            <numerusform>완전한 결과 줄을 %n개 받은 상태였습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tried %n time(s).</source>
        <translation>
            <numerusform>%n회 시도했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Request id: %1.</source>
        <translation>요청 ID: %1.</translation>
    </message>
    <message>
        <source>No API key is set: enter one in the settings.</source>
        <translation>API 키가 설정되지 않았습니다: 설정에서 입력하세요.</translation>
    </message>
    <message>
        <source>The API client is gone.</source>
        <translation>API 클라이언트가 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation>%1초 동안 데이터 없음</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>the answer is not a JSON object (%1)</source>
        <translation>응답이 JSON 객체가 아닙니다(%1)</translation>
    </message>
    <message>
        <source>the answer is not a message_batch object</source>
        <translation>응답이 message_batch 객체가 아닙니다</translation>
    </message>
    <message>
        <source>the answer is not a page of batches</source>
        <translation>응답이 배치 목록 페이지가 아닙니다</translation>
    </message>
    <message>
        <source>the answer has no input_tokens</source>
        <translation>응답에 input_tokens가 없습니다</translation>
    </message>
    <message>
        <source>the answer is not a message_batch_deleted object</source>
        <translation>응답이 message_batch_deleted 객체가 아닙니다</translation>
    </message>
    <message>
        <source>the last line (%1 bytes) is not complete JSON</source>
        <translation>마지막 줄(%1바이트)이 완전한 JSON이 아닙니다</translation>
    </message>
    <message numerus="yes">
        <source>the download broke after %n complete line(s): %1</source>
        <translation>
            <numerusform>완전한 줄 %n개를 받은 뒤 다운로드가 끊겼습니다: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The request body could not be read again: %1</source>
        <translation>요청 본문을 다시 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>the answer is not a cost report page</source>
        <translation>응답이 비용 보고서 페이지가 아닙니다</translation>
    </message>
    <message>
        <source>a cost report bucket has no valid starting_at</source>
        <translation>비용 보고서의 시간 구간에 올바른 starting_at이 없습니다</translation>
    </message>
    <message>
        <source>a cost report amount is not a decimal string</source>
        <translation>비용 보고서의 금액이 10진수 문자열이 아닙니다</translation>
    </message>
    <message>
        <source>the connection ended after %1 of the %2 bytes announced</source>
        <translation>예고된 %2바이트 중 %1바이트만 받은 뒤 연결이 끝났습니다</translation>
    </message>
</context>
<context>
    <name>bs::BatchOperations</name>
    <message>
        <source>Batches are not watched yet (no API key was found, or the ledger is not open), so nothing can be sent to the API. Set a key with `batchscope-cli key set` and start the console again.</source>
        <translation>아직 배치를 감시하지 않고 있어(API 키를 찾지 못했거나 원장이 열리지 않음) API로 아무것도 보낼 수 없습니다. `batchscope-cli key set`으로 키를 설정하고 콘솔을 다시 시작하세요.</translation>
    </message>
    <message>
        <source>%1 is not a batch id.</source>
        <translation>%1은(는) 배치 ID가 아닙니다.</translation>
    </message>
    <message>
        <source>Could not cancel %1: %2</source>
        <translation>%1을(를) 취소하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>The API accepted the cancel of %1, but the ledger could not store it: %2</source>
        <translation>API가 %1의 취소를 받아들였지만 원장에 저장하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Cancel of %1 requested: the API stops the requests not yet processed; those already done keep their results.</source>
        <translation>%1 취소를 요청했습니다: API가 아직 처리하지 않은 요청을 멈추고, 이미 처리된 요청은 결과를 유지합니다.</translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger.</source>
        <translation>배치 %1이(가) 원장에 없습니다.</translation>
    </message>
    <message>
        <source>Batch %1 has not ended: only an ended batch can be deleted. Cancel it first and wait for it to end.</source>
        <translation>배치 %1이(가) 아직 끝나지 않았습니다: 끝난 배치만 삭제할 수 있습니다. 먼저 취소하고 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>The results of %1 are not stored yet, and they cannot be fetched once the batch is deleted. Ingest its results first (Ingest Results Now).</source>
        <translation>%1의 결과가 아직 저장되지 않았고, 배치를 삭제하면 더는 가져올 수 없습니다. 먼저 결과를 수집하세요(지금 결과 수집).</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>%1을(를) 삭제하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>%1 was deleted on the server, but the ledger could not mark it: %2</source>
        <translation>%1이(가) 서버에서 삭제되었지만 원장에 표시하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>%1 was deleted on the server; its results and costs stay in the ledger.</source>
        <translation>%1이(가) 서버에서 삭제되었습니다. 결과와 비용은 원장에 남아 있습니다.</translation>
    </message>
    <message>
        <source>Batch %1 has not ended: its results are not available yet.</source>
        <translation>배치 %1이(가) 아직 끝나지 않아 결과를 받을 수 없습니다.</translation>
    </message>
    <message>
        <source>Batch %1 is no longer on the server: its results cannot be fetched.</source>
        <translation>배치 %1이(가) 더 이상 서버에 없어 결과를 가져올 수 없습니다.</translation>
    </message>
    <message>
        <source>Results cannot be ingested: monitoring is not running.</source>
        <translation>결과를 수집할 수 없습니다: 감시가 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <source>Fetching the results of %1…</source>
        <translation>%1의 결과를 가져오는 중…</translation>
    </message>
    <message>
        <source>%1 is attached to %2: its failed items can now be retried.</source>
        <translation>%1을(를) %2에 연결했습니다: 이제 실패한 항목을 재시도할 수 있습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of %1 re-sent as batch %2.</source>
        <translation>
            <numerusform>%1의 항목 %n개를 배치 %2(으)로 다시 보냈습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::BatchRequestsBuilder</name>
    <message>
        <source>custom_id &apos;%1&apos; must be 1 to 64 letters, digits, &apos;_&apos; or &apos;-&apos;</source>
        <translation>custom_id &apos;%1&apos;은(는) 영문자, 숫자, &apos;_&apos;, &apos;-&apos;로 된 1~64자여야 합니다</translation>
    </message>
    <message>
        <source>the params of &apos;%1&apos; are not a JSON object</source>
        <translation>&apos;%1&apos;의 params가 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>a batch holds at most %1 requests</source>
        <translation>배치 하나에는 요청을 최대 %1개까지 담을 수 있습니다</translation>
    </message>
    <message>
        <source>a batch body is at most 256 MB</source>
        <translation>배치 본문은 최대 256 MB입니다</translation>
    </message>
</context>
<context>
    <name>bs::BatchStore</name>
    <message>
        <source>A batch without an id cannot be stored.</source>
        <translation>ID가 없는 배치는 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>No batch %1 in the ledger.</source>
        <translation>원장에 배치 %1이(가) 없습니다.</translation>
    </message>
</context>
<context>
    <name>bs::BudgetGate</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 토큰</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>input tokens</source>
        <translation>입력 토큰</translation>
    </message>
    <message>
        <source>all models</source>
        <translation>모든 모델</translation>
    </message>
    <message>
        <source>%1 (%2 %3, %4): spent %5, in flight %6, this file %7, limit %8</source>
        <translation>%1 (%2 %3, %4): 사용 %5, 진행 중 %6, 이 파일 %7, 한도 %8</translation>
    </message>
    <message>
        <source>(the file uses a model without a price: its cost cannot be bounded)</source>
        <translation>(파일이 가격 없는 모델을 사용합니다: 비용의 상한을 정할 수 없습니다)</translation>
    </message>
    <message>
        <source>per UTC day</source>
        <translation>UTC 하루당</translation>
    </message>
    <message>
        <source>per UTC month</source>
        <translation>UTC 한 달당</translation>
    </message>
    <message>
        <source>in total</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>%1 (%2 %3, %4): spent %5, in flight %6, this retry %7, limit %8</source>
        <translation>%1 (%2 %3, %4): 사용 %5, 진행 중 %6, 이 재시도 %7, 한도 %8</translation>
    </message>
    <message>
        <source>(the retry uses a model without a price: its cost cannot be bounded)</source>
        <translation>(재시도에 가격이 없는 모델이 있어 비용의 상한을 정할 수 없습니다)</translation>
    </message>
</context>
<context>
    <name>bs::BudgetStore</name>
    <message>
        <source>An override needs a reason.</source>
        <translation>예산 무시에는 사유가 필요합니다.</translation>
    </message>
</context>
<context>
    <name>bs::ConsoleMetricsWorker</name>
    <message>
        <source>The metrics cannot read the ledger: %1</source>
        <translation>지표가 원장을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The DogStatsD target is not HOST:PORT: %1</source>
        <translation>DogStatsD 대상이 HOST:PORT 형식이 아닙니다: %1</translation>
    </message>
    <message>
        <source>Cannot serve metrics on %1:%2: %3</source>
        <translation>%1:%2에서 지표를 제공할 수 없습니다: %3</translation>
    </message>
</context>
<context>
    <name>bs::ConsoleRules</name>
    <message>
        <source>Batch %1 ended: %2 succeeded, %3 errored, %4 canceled, %5 expired; cost %6.</source>
        <translation>배치 %1이(가) 끝났습니다: 성공 %2, 오류 %3, 취소 %4, 만료 %5, 비용 %6.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) have no price.</source>
        <translation>
            <numerusform>결과 %n개에 가격이 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch %1 has %2 failed item(s) (%3 errored, %4 expired). They are in the retry queue: Batch → Retry Errored… re-sends them.</source>
        <translation>배치 %1에 실패한 항목이 %2개 있습니다(오류 %3, 만료 %4). 재시도 대기열에 있으며, 배치 → 실패 항목 재시도…로 다시 보낼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>bs::ConsoleSession</name>
    <message>
        <source>The API address %1 cannot be used: %2 Set ANTHROPIC_BASE_URL to an https address (or http on this machine only).</source>
        <translation>API 주소 %1을(를) 사용할 수 없습니다: %2 ANTHROPIC_BASE_URL을 https 주소(또는 이 컴퓨터에서만 http)로 설정하세요.</translation>
    </message>
    <message>
        <source>Batches are not watched. %1</source>
        <translation>배치를 감시하지 않습니다. %1</translation>
    </message>
    <message>
        <source>Batches are not watched: %1</source>
        <translation>배치를 감시하지 않습니다: %1</translation>
    </message>
    <message>
        <source>Another file is being sent; send this one when it is done.</source>
        <translation>다른 파일을 보내는 중입니다. 끝나면 이 파일을 보내세요.</translation>
    </message>
    <message>
        <source>Nothing was sent: the console is not connected to the API. %1</source>
        <translation>아무것도 보내지 않았습니다: 콘솔이 API에 연결되어 있지 않습니다. %1</translation>
    </message>
    <message>
        <source>It is still starting; try again.</source>
        <translation>아직 시작하는 중입니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The estimate was not calibrated: the console is not connected to the API. %1</source>
        <translation>추정치를 보정하지 못했습니다: 콘솔이 API에 연결되어 있지 않습니다. %1</translation>
    </message>
</context>
<context>
    <name>bs::CreateBodyFile</name>
    <message>
        <source>Could not create a temporary file for the request body in %1: free some disk space and submit again.</source>
        <translation>%1에 요청 본문용 임시 파일을 만들 수 없습니다: 디스크 공간을 확보한 뒤 다시 제출하세요.</translation>
    </message>
    <message>
        <source>Could not write the request body to %1: %2</source>
        <translation>요청 본문을 %1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>bs::DraftStore</name>
    <message>
        <source>No draft %1 in the ledger.</source>
        <translation>원장에 초안 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Draft %1 is already %2; requests can only be added before it is sent.</source>
        <translation>초안 %1의 상태가 이미 %2입니다. 요청은 보내기 전에만 추가할 수 있습니다.</translation>
    </message>
    <message>
        <source>Draft %1 is not waiting to be sent.</source>
        <translation>초안 %1은(는) 전송 대기 중이 아닙니다.</translation>
    </message>
    <message>
        <source>Draft %1 is %2 and cannot be linked to batch %3.</source>
        <translation>초안 %1의 상태가 %2이므로 배치 %3에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>Ledger %1: %2</source>
        <translation>원장 %1: %2</translation>
    </message>
    <message>
        <source>Ledger %1: the stored params of request %2 of draft %3 are damaged.</source>
        <translation>원장 %1: 초안 %3의 요청 %2에 저장된 params가 손상되었습니다.</translation>
    </message>
</context>
<context>
    <name>bs::DraftSubmitter</name>
    <message>
        <source>Internal error: no API client or ledger.</source>
        <translation>내부 오류: API 클라이언트나 원장이 없습니다.</translation>
    </message>
    <message>
        <source>No draft %1 in the ledger.</source>
        <translation>원장에 초안 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Draft %1 is %2; only a stored draft can be sent.</source>
        <translation>초안 %1의 상태가 %2입니다. 저장된(stored) 초안만 보낼 수 있습니다.</translation>
    </message>
    <message>
        <source>Draft %1 holds no requests.</source>
        <translation>초안 %1에 요청이 없습니다.</translation>
    </message>
    <message>
        <source>Batch %1 was created but could not be recorded: %2</source>
        <translation>배치 %1은(는) 만들어졌지만 기록하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Canceled after the whole request body was sent: the batch may have been created; the next refresh of the batch list reconciles it.</source>
        <translation>요청 본문을 모두 보낸 뒤 취소했습니다: 배치가 만들어졌을 수 있습니다. 다음 배치 목록 새로 고침에서 맞춰 봅니다.</translation>
    </message>
    <message>
        <source>Canceled before the request body was sent whole: no batch was created.</source>
        <translation>요청 본문을 다 보내기 전에 취소했습니다: 배치는 만들어지지 않았습니다.</translation>
    </message>
    <message>
        <source>canceled before it was sent</source>
        <translation>보내기 전에 취소됨</translation>
    </message>
    <message>
        <source>Canceled before the request body was sent: no batch was created.</source>
        <translation>요청 본문을 보내기 전에 취소했습니다: 배치는 만들어지지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>bs::FileSubmitter</name>
    <message>
        <source>A file is being submitted already; wait for it to finish.</source>
        <translation>이미 파일을 제출하는 중입니다. 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was stored or sent.</source>
        <translation>취소됨: 아무것도 저장하거나 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 could not be read: nothing was sent.</source>
        <translation>%1을(를) 읽을 수 없습니다: 아무것도 보내지 않았습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n error(s): nothing was sent. Check it again.</source>
        <translation>
            <numerusform>%1에 오류가 %n개 있습니다: 아무것도 보내지 않았습니다. 다시 검사하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed since it was checked (%2 requests, now %3): check it again.</source>
        <translation>%1이(가) 검사 후에 바뀌었습니다(요청 %2개, 지금 %3개): 다시 검사하세요.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n warning(s): nothing was sent. Read them, then accept them to send the file as it is.</source>
        <translation>
            <numerusform>%1에 경고가 %n개 있습니다: 아무것도 보내지 않았습니다. 경고를 읽고, 그대로 보내려면 경고를 수락하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent.</source>
        <translation>취소됨: 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>the file changed while it was read; check it again</source>
        <translation>읽는 동안 파일이 바뀌었습니다. 다시 검사하세요</translation>
    </message>
    <message>
        <source>the file could not be read again</source>
        <translation>파일을 다시 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Could not store the requests of %1: %2</source>
        <translation>%1의 요청을 저장하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Internal error: no API client or ledger.</source>
        <translation>내부 오류: API 클라이언트나 원장이 없습니다.</translation>
    </message>
    <message>
        <source>Over budget: nothing was sent.</source>
        <translation>예산 초과: 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Could not reserve the budget: %1</source>
        <translation>예산을 예약하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>not sent: cancelled</source>
        <translation>보내지 않음: 취소됨</translation>
    </message>
    <message>
        <source>not sent: storing the requests failed</source>
        <translation>보내지 않음: 요청 저장 실패</translation>
    </message>
    <message>
        <source>Cancelled after the body of batch %1 of %2 was sent: it may have been created, and is reconciled with the server&apos;s list.</source>
        <translation>배치 %2개 중 %1번째의 본문을 보낸 뒤 취소했습니다. 배치가 만들어졌을 수 있으며, 서버의 목록과 대조해 정리합니다.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n batch(es) had been created before.</source>
        <translation>
            <numerusform>취소됨: 그 전에 배치 %n개가 만들어졌습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>not sent: an earlier part failed</source>
        <translation>보내지 않음: 앞부분이 실패함</translation>
    </message>
    <message>
        <source>Creating batch %1 of %2 failed: %3</source>
        <translation>배치 %1/%2 생성 실패: %3</translation>
    </message>
    <message>
        <source>The batch may have been created; it is reconciled with the server&apos;s list.</source>
        <translation>배치가 만들어졌을 수 있습니다. 서버의 목록과 대조해 맞춥니다.</translation>
    </message>
    <message>
        <source>Created before the failure: %1.</source>
        <translation>실패 전에 만들어진 배치: %1.</translation>
    </message>
</context>
<context>
    <name>bs::IngestReport</name>
    <message numerus="yes">
        <source>Batch %1: %n result line(s) ingested</source>
        <translation>
            <numerusform>배치 %1: 결과 %n줄 수집됨</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 succeeded, %2 errored, %3 canceled, %4 expired), cost %5.</source>
        <translation> (성공 %1, 오류 %2, 취소 %3, 만료 %4), 비용 %5.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) use a model without a price: their cost is unknown (not $0).</source>
        <translation>
            <numerusform>결과 %n개가 가격 정보가 없는 모델을 사용합니다: 이 결과의 비용은 알 수 없습니다($0이 아님).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) could not be read and were not stored.</source>
        <translation>
            <numerusform>%n줄을 읽지 못해 저장하지 않았습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) of the batch have no result.</source>
        <translation>
            <numerusform>배치의 요청 %n개에 결과가 없습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) added to the retry queue.</source>
        <translation>
            <numerusform>항목 %n개를 재시도 대기열에 추가했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 fewer results than the batch&apos;s %2 requests.</source>
        <translation>결과가 배치의 요청 %2개보다 %1개 적습니다.</translation>
    </message>
    <message>
        <source>Batch %1: its results are in the ledger already.</source>
        <translation>배치 %1: 결과가 이미 원장에 있습니다.</translation>
    </message>
</context>
<context>
    <name>bs::IngestWorker</name>
    <message>
        <source>Cannot open the ledger %1: %2</source>
        <translation>원장 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot read batch %1: %2</source>
        <translation>배치 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot store batch %1 in the ledger: %2</source>
        <translation>배치 %1을(를) 원장에 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Batch %1 has not ended yet, so it has no results to ingest. Try again when it has ended.</source>
        <translation>배치 %1이(가) 아직 끝나지 않아 수집할 결과가 없습니다. 끝난 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Batch %1, line %2 of the results file cannot be used: %3. It was not stored; its custom_id will be reported as missing.</source>
        <translation>배치 %1 결과 파일의 %2번째 줄을 사용할 수 없습니다: %3. 이 줄은 저장하지 않았으며, 해당 custom_id는 결과 없음으로 보고됩니다.</translation>
    </message>
    <message>
        <source>Cannot store results of batch %1 in the ledger: %2</source>
        <translation>배치 %1의 결과를 원장에 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot add failed items of batch %1 to the retry queue: %2</source>
        <translation>배치 %1의 실패한 항목을 재시도 대기열에 추가할 수 없습니다: %2</translation>
    </message>
    <message numerus="yes">
        <source>The results of batch %1 could not be downloaded completely (%n download(s)): %2 What was read is stored; ingest again to finish.</source>
        <translation>
            <numerusform>배치 %1의 결과를 끝까지 다운로드하지 못했습니다(다운로드 %n회): %2 읽은 부분은 저장되었습니다. 마무리하려면 다시 수집하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot mark batch %1 as ingested: %2</source>
        <translation>배치 %1을(를) 수집 완료로 표시할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Ingesting batch %1 was canceled. What was stored stays; ingest again to finish.</source>
        <translation>배치 %1 수집이 취소되었습니다. 저장된 내용은 그대로 남습니다. 마무리하려면 다시 수집하세요.</translation>
    </message>
    <message>
        <source>Cannot count the results of batch %1: %2</source>
        <translation>배치 %1의 결과 수를 셀 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Batch %1 is being ingested by another process on this ledger (%2, its claim runs until %3 UTC); it is left to it.</source>
        <translation>배치 %1은(는) 이 원장의 다른 프로세스(%2)가 수집하고 있습니다(점유 기한 %3 UTC). 그 프로세스에 맡깁니다.</translation>
    </message>
    <message>
        <source>Cannot claim batch %1 in the ledger: %2</source>
        <translation>원장에서 배치 %1을(를) 점유할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>bs::JsonlScanner</name>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>note</source>
        <translation>참고</translation>
    </message>
    <message>
        <source>Cannot open the file (%1).</source>
        <translation>파일을 열 수 없습니다(%1).</translation>
    </message>
    <message>
        <source>The line is %1 MB long; a batch carries at most %2 MB, so it cannot be sent. Split or shorten the request.</source>
        <translation>이 줄은 %1 MB입니다. 배치에는 최대 %2 MB까지 담을 수 있어 보낼 수 없습니다. 요청을 나누거나 줄이세요.</translation>
    </message>
    <message>
        <source>Reading the file failed (%1).</source>
        <translation>파일을 읽지 못했습니다(%1).</translation>
    </message>
    <message>
        <source>The file starts with a byte order mark (BOM); it is skipped.</source>
        <translation>파일이 바이트 순서 표시(BOM)로 시작합니다. 건너뜁니다.</translation>
    </message>
    <message>
        <source>Blank line; it is skipped.</source>
        <translation>빈 줄입니다. 건너뜁니다.</translation>
    </message>
    <message>
        <source>Not UTF-8 text (byte 0x%1). Save the file as UTF-8.</source>
        <translation>UTF-8 텍스트가 아닙니다(바이트 0x%1). 파일을 UTF-8로 저장하세요.</translation>
    </message>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation>올바른 JSON이 아닙니다: %1.</translation>
    </message>
    <message>
        <source>Not a JSON object; each line must be {&quot;custom_id&quot;: ..., &quot;params&quot;: {...}}.</source>
        <translation>JSON 객체가 아닙니다. 각 줄은 {&quot;custom_id&quot;: ..., &quot;params&quot;: {...}} 형태여야 합니다.</translation>
    </message>
    <message>
        <source>Not valid JSON (%1).</source>
        <translation>올바른 JSON이 아닙니다(%1).</translation>
    </message>
    <message>
        <source>Must be a string.</source>
        <translation>문자열이어야 합니다.</translation>
    </message>
    <message>
        <source>Must be a JSON object.</source>
        <translation>JSON 객체여야 합니다.</translation>
    </message>
    <message>
        <source>Must not be empty.</source>
        <translation>비어 있으면 안 됩니다.</translation>
    </message>
    <message>
        <source>Must be a model id such as &quot;claude-haiku-5-5&quot;.</source>
        <translation>&quot;claude-haiku-5-5&quot; 같은 모델 ID여야 합니다.</translation>
    </message>
    <message>
        <source>Must be at least 1 inside a batch (it is %1).</source>
        <translation>배치 안에서는 1 이상이어야 합니다(현재 %1).</translation>
    </message>
    <message>
        <source>Must be a whole number of at least 1.</source>
        <translation>1 이상의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>Must be a list of messages.</source>
        <translation>메시지 목록이어야 합니다.</translation>
    </message>
    <message>
        <source>Must hold at least one message.</source>
        <translation>메시지가 하나 이상 있어야 합니다.</translation>
    </message>
    <message>
        <source>Streaming is not possible inside a batch; remove &quot;stream&quot;: true.</source>
        <translation>배치 안에서는 스트리밍할 수 없습니다. &quot;stream&quot;: true를 지우세요.</translation>
    </message>
    <message>
        <source>A batch does not accept &quot;%1&quot;; remove it.</source>
        <translation>배치는 &quot;%1&quot;을(를) 받지 않습니다. 지우세요.</translation>
    </message>
    <message>
        <source>A batch does not accept the research preview; remove it.</source>
        <translation>배치는 연구 미리보기를 받지 않습니다. 지우세요.</translation>
    </message>
    <message>
        <source>Ignored: a request has only &quot;custom_id&quot; and &quot;params&quot;; this field is not sent.</source>
        <translation>무시됨: 요청에는 &quot;custom_id&quot;와 &quot;params&quot;만 있습니다. 이 필드는 보내지 않습니다.</translation>
    </message>
    <message>
        <source>Missing; every request needs a custom_id.</source>
        <translation>없습니다. 모든 요청에는 custom_id가 있어야 합니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be 1 to 64 letters, digits, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>&quot;%1&quot;은(는) 영문자, 숫자, &apos;_&apos;, &apos;-&apos;로 된 1~64자여야 합니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used twice: on line %2 and on this line %3. Each custom_id must be unique.</source>
        <translation>&quot;%1&quot;이(가) 두 번 쓰였습니다: %2번 줄과 이 %3번 줄. custom_id는 모두 달라야 합니다.</translation>
    </message>
    <message>
        <source>Missing; every request needs params.</source>
        <translation>없습니다. 모든 요청에는 params가 있어야 합니다.</translation>
    </message>
    <message>
        <source>Missing; name the model to use.</source>
        <translation>없습니다. 사용할 모델을 지정하세요.</translation>
    </message>
    <message>
        <source>Missing; set the most output tokens the request may produce.</source>
        <translation>없습니다. 요청이 만들 수 있는 최대 출력 토큰 수를 정하세요.</translation>
    </message>
    <message>
        <source>Missing; a request needs messages.</source>
        <translation>없습니다. 요청에는 messages가 있어야 합니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the price table: its cost cannot be estimated (unpriced). Check the spelling, or add it to pricing.json.</source>
        <translation>&quot;%1&quot;은(는) 가격표에 없어 비용을 추정할 수 없습니다(가격 없음). 철자를 확인하거나 pricing.json에 추가하세요.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a moving alias: pin the version (&quot;%2&quot;) so that price and behaviour cannot change under you.</source>
        <translation>&quot;%1&quot;은(는) 바뀔 수 있는 별칭입니다. 가격과 동작이 모르는 사이에 바뀌지 않도록 버전(&quot;%2&quot;)을 고정하세요.</translation>
    </message>
    <message>
        <source>%1 is above the %2 output tokens %3 can produce in a batch.</source>
        <translation>%1은(는) %3이(가) 배치에서 만들 수 있는 출력 토큰 %2개를 넘습니다.</translation>
    </message>
    <message>
        <source>%1 is above %2: the request needs the extended-output beta (anthropic-beta: output-300k-2026-03-24), or it will fail.</source>
        <translation>%1은(는) %2를 넘습니다. 확장 출력 베타(anthropic-beta: output-300k-2026-03-24)가 없으면 요청이 실패합니다.</translation>
    </message>
    <message>
        <source>The prompt is about %1 tokens (characters / 4), more than the %2-token context window of %3.</source>
        <translation>프롬프트가 약 %1토큰(문자 수 / 4)으로, %3의 컨텍스트 창 %2토큰보다 큽니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) end with CRLF (Windows line ends); accepted.</source>
        <translation>
            <numerusform>%n개 줄이 CRLF(Windows 줄 끝)로 끝납니다. 받아들입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; was already used in a batch of this ledger: its results would be ambiguous. Use new ids (UUIDs, for example).</source>
        <translation>&quot;%1&quot;은(는) 이 원장의 배치에서 이미 쓰였습니다. 결과가 모호해집니다. 새 ID(예: UUID)를 쓰세요.</translation>
    </message>
    <message>
        <source>The file holds no requests.</source>
        <translation>파일에 요청이 없습니다.</translation>
    </message>
</context>
<context>
    <name>bs::Ledger</name>
    <message>
        <source>Ledger %1: %2</source>
        <translation>원장 %1: %2</translation>
    </message>
    <message>
        <source>Ledger is not open (%1).</source>
        <translation>원장이 열려 있지 않습니다(%1).</translation>
    </message>
    <message>
        <source>Ledger used from a thread that does not own its connection (%1); open a Ledger on that thread.</source>
        <translation>연결을 소유하지 않은 스레드에서 원장을 사용했습니다(%1). 해당 스레드에서 Ledger를 여세요.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the ledger. Check that it is writable.</source>
        <translation>원장 폴더 %1을(를) 만들 수 없습니다. 쓰기 권한이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>Cannot create the ledger file %1: %2</source>
        <translation>원장 파일 %1을(를) 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot open the ledger %1: %2</source>
        <translation>원장 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The ledger %1 is damaged or not a Batchscope ledger (%2). It was not changed. Move it aside to start a new ledger, or restore a backup.</source>
        <translation>원장 %1이(가) 손상되었거나 Batchscope 원장이 아닙니다(%2). 파일은 변경하지 않았습니다. 새 원장으로 시작하려면 이 파일을 다른 곳으로 옮기거나, 백업을 복원하세요.</translation>
    </message>
    <message>
        <source>The file %1 is an SQLite database but not a Batchscope ledger. It was not changed. Choose another file.</source>
        <translation>파일 %1은(는) SQLite 데이터베이스이지만 Batchscope 원장이 아닙니다. 파일은 변경하지 않았습니다. 다른 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>The ledger %1 has an unreadable schema version (%2). It was not changed.</source>
        <translation>원장 %1의 스키마 버전을 읽을 수 없습니다(%2). 파일은 변경하지 않았습니다.</translation>
    </message>
    <message>
        <source>The ledger %1 was written by a newer version of Batchscope (schema version %2; this version knows up to %3). It was not changed. Update Batchscope to open it.</source>
        <translation>원장 %1은(는) 더 새로운 버전의 Batchscope가 기록했습니다(스키마 버전 %2, 이 버전은 %3까지 지원). 파일은 변경하지 않았습니다. 열려면 Batchscope를 업데이트하세요.</translation>
    </message>
    <message>
        <source>Cannot switch the ledger %1 to WAL mode: %2</source>
        <translation>원장 %1을(를) WAL 모드로 전환할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Updating the ledger %1 to schema version %2 failed; nothing was changed. %3</source>
        <translation>원장 %1을(를) 스키마 버전 %2(으)로 업데이트하지 못했습니다. 아무것도 변경되지 않았습니다. %3</translation>
    </message>
    <message>
        <source>Ledger %1: checkpoint failed: %2</source>
        <translation>원장 %1: 체크포인트에 실패했습니다: %2</translation>
    </message>
    <message>
        <source>Cannot open the ledger %1: the Qt SQLite driver gives no SQLite handle.</source>
        <translation>원장 %1을(를) 열 수 없습니다: Qt SQLite 드라이버가 SQLite 핸들을 제공하지 않습니다.</translation>
    </message>
    <message>
        <source>Ledger used on the GUI thread (%1): the console runs its SQL on worker threads.</source>
        <translation>GUI 스레드에서 원장을 사용했습니다(%1). 콘솔은 SQL을 작업 스레드에서 실행합니다.</translation>
    </message>
</context>
<context>
    <name>bs::MonitorWorker</name>
    <message>
        <source>Nothing was sent: the console is not connected to the API (no key, or the ledger could not be opened).</source>
        <translation>아무것도 보내지 않았습니다: 콘솔이 API에 연결되어 있지 않습니다(키가 없거나 원장을 열 수 없음).</translation>
    </message>
    <message>
        <source>The estimate was not calibrated: the console is not connected to the API (no key, or the ledger could not be opened).</source>
        <translation>추정치를 보정하지 못했습니다: 콘솔이 API에 연결되어 있지 않습니다(키가 없거나 원장을 열 수 없음).</translation>
    </message>
</context>
<context>
    <name>bs::NotificationCenter</name>
    <message>
        <source>Batch ended</source>
        <translation>배치 종료</translation>
    </message>
    <message>
        <source>Failed items</source>
        <translation>실패한 항목</translation>
    </message>
    <message>
        <source>Budget threshold crossed</source>
        <translation>예산 기준 초과</translation>
    </message>
    <message>
        <source>Many errored items</source>
        <translation>오류 항목이 많음</translation>
    </message>
    <message>
        <source>Batch close to its expiry</source>
        <translation>곧 만료되는 배치</translation>
    </message>
    <message>
        <source>Results close to the archive</source>
        <translation>곧 보관 처리되는 결과</translation>
    </message>
    <message>
        <source>Model without a price</source>
        <translation>가격이 없는 모델</translation>
    </message>
    <message>
        <source>API unavailable</source>
        <translation>API 사용 불가</translation>
    </message>
    <message>
        <source>Batchscope alert</source>
        <translation>Batchscope 알림</translation>
    </message>
</context>
<context>
    <name>bs::Poller</name>
    <message>
        <source>The ledger could not store what the server reported, so this poll does not count; polling backs off and tries again. %1</source>
        <translation>원장이 서버가 보고한 내용을 저장하지 못했으므로 이번 조회는 반영되지 않습니다. 조회 간격을 늘려 다시 시도합니다. %1</translation>
    </message>
</context>
<context>
    <name>bs::PriceBook</name>
    <message>
        <source>Pricing file %1 cannot be read: %2</source>
        <translation>가격 파일 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Pricing file %1 is not valid JSON (at byte %2: %3).</source>
        <translation>가격 파일 %1이(가) 올바른 JSON이 아닙니다(%2바이트 위치: %3).</translation>
    </message>
    <message>
        <source>the top level must be an object</source>
        <translation>최상위 값은 객체여야 합니다</translation>
    </message>
    <message>
        <source>unsupported version (this program reads 1)</source>
        <translation>지원하지 않는 버전입니다(이 프로그램은 버전 1을 읽습니다)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없습니다</translation>
    </message>
    <message>
        <source>expected a non-negative number (USD per 1,000 searches)</source>
        <translation>0 이상의 숫자여야 합니다(검색 1,000회당 USD)</translation>
    </message>
    <message>
        <source>missing; expected a list of models</source>
        <translation>없습니다. 모델 목록이 필요합니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>&quot;%1&quot;이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <source>lists no model</source>
        <translation>모델이 하나도 없습니다</translation>
    </message>
    <message>
        <source>The built-in prices are used until the file is fixed or removed.</source>
        <translation>파일을 고치거나 지울 때까지 내장 가격을 사용합니다.</translation>
    </message>
    <message>
        <source>Pricing file %1: field &quot;%2&quot;: %3</source>
        <translation>가격 파일 %1: 필드 &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <source>missing; expected a price in USD per million tokens</source>
        <translation>없습니다. 100만 토큰당 USD 가격이 필요합니다</translation>
    </message>
    <message>
        <source>expected a number (USD per million tokens)</source>
        <translation>숫자여야 합니다(100만 토큰당 USD)</translation>
    </message>
    <message>
        <source>expected a non-negative number below 1,000,000</source>
        <translation>1,000,000 미만의 0 이상인 숫자여야 합니다</translation>
    </message>
    <message>
        <source>expected a non-negative number</source>
        <translation>0 이상의 숫자여야 합니다</translation>
    </message>
    <message>
        <source>missing; expected a date YYYY-MM-DD</source>
        <translation>없습니다. YYYY-MM-DD 형식의 날짜가 필요합니다</translation>
    </message>
    <message>
        <source>expected a date YYYY-MM-DD</source>
        <translation>YYYY-MM-DD 형식의 날짜여야 합니다</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>missing; expected the model id</source>
        <translation>없습니다. 모델 ID가 필요합니다</translation>
    </message>
    <message>
        <source>expected a list of strings</source>
        <translation>문자열 목록이어야 합니다</translation>
    </message>
    <message>
        <source>missing; expected true or false (whether inference_geo &quot;us&quot; costs more)</source>
        <translation>없습니다. true 또는 false가 필요합니다(inference_geo &quot;us&quot;일 때 비용이 더 드는지 여부)</translation>
    </message>
    <message>
        <source>expected a positive whole number of tokens</source>
        <translation>1 이상의 정수 토큰 수여야 합니다</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>목록이어야 합니다</translation>
    </message>
    <message>
        <source>must be later than effective_from</source>
        <translation>effective_from보다 나중이어야 합니다</translation>
    </message>
</context>
<context>
    <name>bs::Profiles</name>
    <message>
        <source>A profile name is 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos; (and not &quot;current&quot;).</source>
        <translation>프로필 이름은 영문자, 숫자, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;로 된 1~64자입니다(&quot;current&quot;는 쓸 수 없습니다).</translation>
    </message>
</context>
<context>
    <name>bs::Repricer</name>
    <message>
        <source>Repricing failed, nothing was changed: %1</source>
        <translation>가격 재계산에 실패했으며 아무것도 바뀌지 않았습니다: %1</translation>
    </message>
</context>
<context>
    <name>bs::ResultExporter</name>
    <message>
        <source>Cannot write %1: %2. Choose another folder or file name.</source>
        <translation>%1에 쓸 수 없습니다: %2. 다른 폴더나 파일 이름을 고르세요.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Could not read the results of %1: %2</source>
        <translation>%1의 결과를 읽지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Export canceled; no file was written.</source>
        <translation>내보내기를 취소했습니다. 파일을 쓰지 않았습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1 (cost $%2).</source>
        <translation>
            <numerusform>%n개 행을 %1(으)로 내보냈습니다(비용 $%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were stored before Batchscope kept results as received: they are rebuilt from the stored fields (no message content).</source>
        <translation>
            <numerusform>%n개 줄은 Batchscope가 받은 그대로 결과를 보관하기 전에 저장되어, 저장된 필드로 다시 만들었습니다(메시지 내용 없음).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::ResultLineParser</name>
    <message>
        <source>the line is not a JSON object</source>
        <translation>줄이 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>there is text after the JSON object</source>
        <translation>JSON 객체 뒤에 텍스트가 있습니다</translation>
    </message>
    <message>
        <source>&quot;custom_id&quot; is missing or empty</source>
        <translation>&quot;custom_id&quot;가 없거나 비어 있습니다</translation>
    </message>
    <message>
        <source>&quot;result&quot; is missing</source>
        <translation>&quot;result&quot;가 없습니다</translation>
    </message>
    <message>
        <source>invalid JSON (%1)</source>
        <translation>잘못된 JSON(%1)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has the wrong type or value</source>
        <translation>&quot;%1&quot;의 타입이나 값이 잘못되었습니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is negative</source>
        <translation>&quot;%1&quot;이(가) 음수입니다</translation>
    </message>
    <message>
        <source>&quot;result.type&quot; is missing</source>
        <translation>&quot;result.type&quot;이 없습니다</translation>
    </message>
    <message>
        <source>a succeeded result without &quot;message&quot;</source>
        <translation>&quot;message&quot;가 없는 성공(succeeded) 결과</translation>
    </message>
    <message>
        <source>a succeeded result without &quot;message.usage&quot;</source>
        <translation>&quot;message.usage&quot;가 없는 성공(succeeded) 결과</translation>
    </message>
</context>
<context>
    <name>bs::ResultStore</name>
    <message>
        <source>Ledger %1: results of batch %2 cannot be stored: the batch is not in the ledger.</source>
        <translation>원장 %1: 배치 %2의 결과를 저장할 수 없습니다. 해당 배치가 원장에 없습니다.</translation>
    </message>
    <message>
        <source>Ledger %1: %2</source>
        <translation>원장 %1: %2</translation>
    </message>
    <message>
        <source>Ledger %1: result %2 points into a block of lines that was not handed over.</source>
        <translation>원장 %1: 결과 %2이(가) 전달되지 않은 줄 블록을 가리킵니다.</translation>
    </message>
    <message>
        <source>Ledger %1: the stored result lines of batch %2 are damaged (block %3).</source>
        <translation>원장 %1: 배치 %2에 저장된 결과 줄이 손상되었습니다(블록 %3).</translation>
    </message>
    <message>
        <source>Ledger %1: the stored result line of %2 in batch %3 is damaged.</source>
        <translation>원장 %1: 배치 %3의 %2에 저장된 결과 줄이 손상되었습니다.</translation>
    </message>
</context>
<context>
    <name>bs::RetryClass</name>
    <message>
        <source>Transient: retry as is</source>
        <translation>일시적 오류: 그대로 다시 시도</translation>
    </message>
    <message>
        <source>Billing: retry after a top-up</source>
        <translation>결제: 충전한 뒤 다시 시도</translation>
    </message>
    <message>
        <source>Fix required: change the request first</source>
        <translation>수정 필요: 먼저 요청을 고치세요</translation>
    </message>
    <message>
        <source>Expired: retry as is</source>
        <translation>만료됨: 그대로 다시 시도</translation>
    </message>
    <message>
        <source>Canceled: retry if still wanted</source>
        <translation>취소됨: 아직 필요하면 다시 시도</translation>
    </message>
    <message>
        <source>Access denied: change the API key or the workspace first</source>
        <translation>접근 거부: 먼저 API 키나 워크스페이스를 바꾸세요</translation>
    </message>
</context>
<context>
    <name>bs::RetryQueue</name>
    <message>
        <source>Retry item %1 is not pending.</source>
        <translation>재시도 항목 %1은(는) 대기 중이 아닙니다.</translation>
    </message>
    <message>
        <source>No items chosen to retry.</source>
        <translation>재시도할 항목을 고르지 않았습니다.</translation>
    </message>
    <message>
        <source>None of the chosen items has stored params (their batches were not created by Batchscope); nothing to retry.</source>
        <translation>고른 항목 중 params가 저장된 항목이 없습니다(해당 배치를 Batchscope가 만들지 않음). 재시도할 것이 없습니다.</translation>
    </message>
</context>
<context>
    <name>bs::RetrySubmitter</name>
    <message>
        <source>Internal error: no API client or ledger.</source>
        <translation>내부 오류: API 클라이언트나 원장이 없습니다.</translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger. Check the id, or let the poller discover it first.</source>
        <translation>배치 %1이(가) 원장에 없습니다. ID를 확인하거나, 폴러가 먼저 찾아내게 하세요.</translation>
    </message>
    <message>
        <source>Batch %1 was created by another tool, so Batchscope has no stored params for its items and cannot re-send them. Attach the JSONL file it was made from first (batchscope-cli retry --source FILE).</source>
        <translation>배치 %1은(는) 다른 도구가 만들었기 때문에 Batchscope에 항목의 params가 저장되어 있지 않아 다시 보낼 수 없습니다. 먼저 배치를 만든 JSONL 파일을 연결하세요(batchscope-cli retry --source FILE).</translation>
    </message>
    <message>
        <source>Batch %1 has no pending retry items of class %2; nothing to retry.</source>
        <translation>배치 %1에 클래스 %2의 대기 중인 재시도 항목이 없습니다. 재시도할 것이 없습니다.</translation>
    </message>
    <message>
        <source>No items chosen to retry.</source>
        <translation>재시도할 항목을 고르지 않았습니다.</translation>
    </message>
    <message>
        <source>These items of batch %1 are not waiting for a retry (succeeded, already re-sent or unknown): %2</source>
        <translation>배치 %1의 다음 항목은 재시도 대기 중이 아닙니다(성공했거나, 이미 다시 보냈거나, 알 수 없음): %2</translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger.</source>
        <translation>배치 %1이(가) 원장에 없습니다.</translation>
    </message>
    <message>
        <source>Batch %1 already has its requests stored; nothing to attach.</source>
        <translation>배치 %1의 요청은 이미 저장되어 있습니다. 연결할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 holds %2 requests but batch %3 has %4: it is not the file the batch was made from.</source>
        <translation>%1에는 요청이 %2개 있지만 배치 %3에는 %4개가 있습니다. 이 배치를 만든 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>%1 has no line for custom_id &quot;%2&quot; of batch %3: it is not the file the batch was made from.</source>
        <translation>%1에 배치 %3의 custom_id &quot;%2&quot; 줄이 없습니다. 이 배치를 만든 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>attaching the source file failed</source>
        <translation>원본 파일 연결 실패</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot estimate the retry: no temporary file (%1).</source>
        <translation>재시도 비용을 추정할 수 없습니다: 임시 파일을 만들 수 없습니다(%1).</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: re-sending these %n item(s) of %1 could pass a budget (%2). Raise the budget (batchscope-cli budget set), retry fewer items, or override with a reason.</source>
        <translation>
            <numerusform>아무것도 보내지 않았습니다: %1의 항목 %n개를 다시 보내면 예산을 넘을 수 있습니다(%2). 예산을 올리거나(batchscope-cli budget set), 항목을 줄여 재시도하거나, 사유를 적어 예산을 무시하세요.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::SecretStore</name>
    <message>
        <source>Could not read the API key from the system keychain</source>
        <translation>시스템 키체인에서 API 키를 읽지 못했습니다</translation>
    </message>
    <message>
        <source>Could not store the API key in the system keychain</source>
        <translation>시스템 키체인에 API 키를 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>Could not remove the API key from the system keychain</source>
        <translation>시스템 키체인에서 API 키를 지우지 못했습니다</translation>
    </message>
    <message>
        <source>access was denied. Unlock the keyring (or allow Batchscope) and try again.</source>
        <translation>접근이 거부되었습니다. 키링의 잠금을 해제하고(또는 Batchscope를 허용하고) 다시 시도하세요.</translation>
    </message>
    <message>
        <source>no keychain service is available. Start a Secret Service such as GNOME Keyring or KWallet, then try again.</source>
        <translation>사용할 수 있는 키체인 서비스가 없습니다. GNOME Keyring이나 KWallet 같은 Secret Service를 시작한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>this platform&apos;s keychain does not support it.</source>
        <translation>이 플랫폼의 키체인이 이 작업을 지원하지 않습니다.</translation>
    </message>
    <message>
        <source>unknown error.</source>
        <translation>알 수 없는 오류입니다.</translation>
    </message>
    <message>
        <source>Check that the keyring is running and unlocked.</source>
        <translation>키링이 실행 중이고 잠금 해제되어 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>No API key is stored for &apos;%1&apos;: enter one.</source>
        <translation>&apos;%1&apos;에 저장된 API 키가 없습니다: 키를 입력하세요.</translation>
    </message>
    <message>
        <source>No API key is stored for &apos;%1&apos; (or the keyring is locked): enter one.</source>
        <translation>&apos;%1&apos;에 저장된 API 키가 없습니다(또는 키링이 잠겨 있습니다): 키를 입력하세요.</translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 s. Check that the keyring (Secret Service) is running and unlocked; a password prompt may be waiting.</source>
        <translation>시스템 키체인이 %1초 안에 응답하지 않았습니다. 키링(Secret Service)이 실행 중이고 잠금 해제되어 있는지 확인하세요. 암호 입력 창이 떠 있을 수 있습니다.</translation>
    </message>
    <message>
        <source>No API key: %1 is not set and the keychain holds none for &apos;%2&apos; (or the keyring is locked). Store one with &apos;batchscope-cli key set&apos; (it reads the key from stdin), or set the %1 environment variable.</source>
        <translation>API 키가 없습니다: %1이(가) 설정되지 않았고 키체인에도 &apos;%2&apos;의 키가 없습니다(또는 키링이 잠겨 있습니다). &apos;batchscope-cli key set&apos;으로 키를 저장하거나(키는 stdin에서 읽습니다), %1 환경 변수를 설정하세요.</translation>
    </message>
    <message>
        <source>Once the keychain works, store a key with &apos;batchscope-cli key set&apos; (it reads the key from stdin), or set the %1 environment variable.</source>
        <translation>키체인이 동작하면 &apos;batchscope-cli key set&apos;으로 키를 저장하거나(키는 stdin에서 읽습니다), %1 환경 변수를 설정하세요.</translation>
    </message>
    <message>
        <source>No Slack webhook URL: %1 is not set and the keychain holds none. Store one with &apos;batchscope-cli key set --slack-webhook&apos; (it reads the URL from stdin), or set %1.</source>
        <translation>Slack 웹후크 URL이 없습니다: %1이(가) 설정되지 않았고 키체인에도 없습니다. &apos;batchscope-cli key set --slack-webhook&apos;으로 저장하거나(표준 입력에서 URL을 읽습니다) %1을(를) 설정하세요.</translation>
    </message>
    <message>
        <source>The system keychain did not answer when asked for the Slack webhook URL. Check that the keyring is running and unlocked, or set %1.</source>
        <translation>Slack 웹후크 URL을 묻는 동안 시스템 키체인이 응답하지 않았습니다. 키링이 실행 중이고 잠금 해제되어 있는지 확인하거나 %1을(를) 설정하세요.</translation>
    </message>
    <message>
        <source>Could not read the Slack webhook URL from the system keychain.</source>
        <translation>시스템 키체인에서 Slack 웹후크 URL을 읽지 못했습니다.</translation>
    </message>
    <message>
        <source>Could not store the Slack webhook URL in the system keychain.</source>
        <translation>시스템 키체인에 Slack 웹후크 URL을 저장하지 못했습니다.</translation>
    </message>
    <message>
        <source>Could not remove the Slack webhook URL from the system keychain.</source>
        <translation>시스템 키체인에서 Slack 웹후크 URL을 지우지 못했습니다.</translation>
    </message>
    <message>
        <source>Check that the keyring (Secret Service) is running and unlocked.</source>
        <translation>키링(Secret Service)이 실행 중이고 잠금 해제되어 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>No Admin API key: %1 is not set and the keychain holds none. Store one with &apos;batchscope-cli key set --admin&apos; (it reads the key from stdin), or set %1.</source>
        <translation>Admin API 키가 없습니다: %1이(가) 설정되어 있지 않고 키체인에도 없습니다. &apos;batchscope-cli key set --admin&apos;(표준 입력에서 키를 읽음)으로 저장하거나 %1을(를) 설정하세요.</translation>
    </message>
    <message>
        <source>The system keychain did not answer when asked for the Admin API key. Check that the keyring is running and unlocked, or set %1.</source>
        <translation>Admin API 키를 요청했지만 시스템 키체인이 응답하지 않았습니다. 키링이 실행 중이고 잠금 해제되어 있는지 확인하거나 %1을(를) 설정하세요.</translation>
    </message>
    <message>
        <source>The system keychain failed with the Admin API key. Check that the keyring (Secret Service) is running and unlocked, or set %1.</source>
        <translation>시스템 키체인이 Admin API 키를 처리하지 못했습니다. 키링(Secret Service)이 실행 중이고 잠금 해제되어 있는지 확인하거나 %1을(를) 설정하세요.</translation>
    </message>
</context>
<context>
    <name>bs::SettingsStore</name>
    <message>
        <source>A budget needs a name and a limit of $0 or more.</source>
        <translation>예산에는 이름과 $0 이상의 한도가 필요합니다.</translation>
    </message>
</context>
<context>
    <name>bs::SlackSink</name>
    <message>
        <source>No Slack webhook is configured.</source>
        <translation>Slack 웹후크가 설정되지 않았습니다.</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>network error: %1</source>
        <translation>네트워크 오류: %1</translation>
    </message>
</context>
<context>
    <name>bs::TokenCalibrator</name>
    <message>
        <source>Internal error: no API client.</source>
        <translation>내부 오류: API 클라이언트가 없습니다.</translation>
    </message>
    <message>
        <source>%1 has errors; fix them before calibrating.</source>
        <translation>%1에 오류가 있습니다. 보정하기 전에 고치세요.</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation>%1을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>count_tokens failed: %1 The estimate stays local (characters / 4).</source>
        <translation>count_tokens 실패: %1 추정치는 로컬 추정(문자 수 / 4)으로 남습니다.</translation>
    </message>
    <message>
        <source>no request could be counted</source>
        <translation>토큰 수를 센 요청이 없습니다</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nothing to calibrate: the file names no model.</source>
        <translation>보정할 것이 없습니다: 파일에 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Not calibrated, estimated locally (characters / 4): %1.</source>
        <translation>보정하지 못해 로컬로 추정함(문자 수 / 4): %1.</translation>
    </message>
    <message>
        <source>Calibration canceled; the estimate stays local (characters / 4).</source>
        <translation>보정을 취소했습니다. 추정치는 로컬 추정(문자 수 / 4)으로 남습니다.</translation>
    </message>
</context>
<context>
    <name>bs::cli::AlertsCommand</name>
    <message>
        <source>List the alert log (what fired, and how its delivery went), newest first.</source>
        <translation>알림 기록(무엇이 발생했고 전달이 어떻게 되었는지)을 최신순으로 보여 줍니다.</translation>
    </message>
    <message>
        <source>Only alerts from this day on (UTC).</source>
        <translation>이 날짜(UTC)부터의 알림만.</translation>
    </message>
    <message>
        <source>At most N alerts (default 100).</source>
        <translation>알림 최대 N개(기본값 100).</translation>
    </message>
    <message>
        <source>--limit wants a positive number.</source>
        <translation>--limit에는 양수를 주세요.</translation>
    </message>
    <message>
        <source>The alert log is empty.</source>
        <translation>알림 기록이 비어 있습니다.</translation>
    </message>
</context>
<context>
    <name>bs::cli::BatchWaiter</name>
    <message>
        <source>Polling failed (will try again): %1</source>
        <translation>폴링 실패(다시 시도합니다): %1</translation>
    </message>
    <message>
        <source>Gave up waiting for %1: %2 The batches were created; run &apos;batchscope-cli status&apos; and &apos;batchscope-cli results BATCH&apos; later.</source>
        <translation>%1 기다리기를 포기했습니다: %2 배치는 만들어졌습니다. 나중에 &apos;batchscope-cli status&apos;와 &apos;batchscope-cli results BATCH&apos;를 실행하세요.</translation>
    </message>
    <message>
        <source>Ingesting the results of %1 failed: %2</source>
        <translation>%1의 결과 수집 실패: %2</translation>
    </message>
</context>
<context>
    <name>bs::cli::BudgetCommand</name>
    <message>
        <source>Set, list or clear the budgets that submit checks every file against.</source>
        <translation>submit이 모든 파일을 검사하는 기준인 예산을 설정, 나열 또는 삭제합니다.</translation>
    </message>
    <message>
        <source>&apos;budget set NAME (--usd AMOUNT | --input-tokens N) --period day|month [--model MODEL]&apos; limits spend in US dollars (exact to the micro-dollar) or input tokens per UTC day or UTC month, over all models or one. Setting an existing NAME replaces it. &apos;budget list&apos; shows each with what was spent in its current period (ingested results), what is in flight (the worst case of batches not yet ingested) and what remains. &apos;budget clear NAME&apos; removes one. A submission whose worst case would pass a budget is refused (exit 7) unless --override-budget.</source>
        <translation>&apos;budget set NAME (--usd AMOUNT | --input-tokens N) --period day|month [--model MODEL]&apos;은(는) UTC 하루 또는 UTC 한 달 동안의 지출을 미국 달러(마이크로달러 단위까지 정확히) 또는 입력 토큰으로, 모든 모델이나 한 모델에 대해 제한합니다. 이미 있는 NAME을 설정하면 바꿉니다. &apos;budget list&apos;는 각 예산의 현재 기간 사용액(수집된 결과), 진행 중인 금액(아직 수집되지 않은 배치의 최악의 경우)과 남은 금액을 보여 줍니다. &apos;budget clear NAME&apos;은(는) 예산 하나를 지웁니다. 최악의 경우가 예산을 넘는 제출은 --override-budget 없이는 거부됩니다(종료 코드 7).</translation>
    </message>
    <message>
        <source>set, list or clear.</source>
        <translation>set, list 또는 clear.</translation>
    </message>
    <message>
        <source>The budget&apos;s name (set, clear).</source>
        <translation>예산 이름(set, clear).</translation>
    </message>
    <message>
        <source>The limit in US dollars, e.g. 25 or 12.50.</source>
        <translation>미국 달러로 된 한도. 예: 25 또는 12.50.</translation>
    </message>
    <message>
        <source>The limit in input tokens instead.</source>
        <translation>대신 입력 토큰으로 된 한도.</translation>
    </message>
    <message>
        <source>day or month (UTC).</source>
        <translation>day 또는 month(UTC).</translation>
    </message>
    <message>
        <source>Only this model&apos;s requests (default: all models).</source>
        <translation>이 모델의 요청만(기본값: 모든 모델).</translation>
    </message>
    <message>
        <source>&apos;budget list&apos; takes no NAME.</source>
        <translation>&apos;budget list&apos;에는 NAME을 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>Missing ACTION: write &apos;budget set&apos;, &apos;budget list&apos; or &apos;budget clear&apos;.</source>
        <translation>ACTION이 없습니다: &apos;budget set&apos;, &apos;budget list&apos; 또는 &apos;budget clear&apos;로 쓰세요.</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;: write &apos;budget set&apos;, &apos;budget list&apos; or &apos;budget clear&apos;.</source>
        <translation>알 수 없는 동작 &quot;%1&quot;: &apos;budget set&apos;, &apos;budget list&apos; 또는 &apos;budget clear&apos;로 쓰세요.</translation>
    </message>
    <message>
        <source>Write &apos;budget set NAME (--usd AMOUNT | --input-tokens N) --period day|month [--model MODEL]&apos;.</source>
        <translation>&apos;budget set NAME (--usd AMOUNT | --input-tokens N) --period day|month [--model MODEL]&apos;로 쓰세요.</translation>
    </message>
    <message>
        <source>Give exactly one limit: --usd AMOUNT or --input-tokens N.</source>
        <translation>한도를 정확히 하나만 주세요: --usd AMOUNT 또는 --input-tokens N.</translation>
    </message>
    <message>
        <source>--usd &quot;%1&quot; is not an amount of US dollars: write e.g. 25 or 12.50 (at most six decimals, no sign).</source>
        <translation>--usd &quot;%1&quot;은(는) 미국 달러 금액이 아닙니다: 예를 들어 25 또는 12.50으로 쓰세요(소수점 이하 최대 여섯 자리, 부호 없이).</translation>
    </message>
    <message>
        <source>--input-tokens &quot;%1&quot; is not a number of tokens (0 or more).</source>
        <translation>--input-tokens &quot;%1&quot;은(는) 토큰 수(0 이상)가 아닙니다.</translation>
    </message>
    <message>
        <source>Missing --period: day or month.</source>
        <translation>--period가 없습니다: day 또는 month.</translation>
    </message>
    <message>
        <source>--period &quot;%1&quot;: write day or month.</source>
        <translation>--period &quot;%1&quot;: day 또는 month로 쓰세요.</translation>
    </message>
    <message>
        <source>--model needs a model id.</source>
        <translation>--model에는 모델 ID가 필요합니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the price table: a USD budget for it counts nothing it can price.</source>
        <translation>&quot;%1&quot;은(는) 가격표에 없습니다: 이 모델의 USD 예산은 가격을 매길 수 있는 것이 없어 아무것도 세지 않습니다.</translation>
    </message>
    <message>
        <source>Budget %1 set: %2 per UTC %3, %4.</source>
        <translation>예산 %1 설정됨: UTC %3당 %2, %4.</translation>
    </message>
    <message>
        <source>all models</source>
        <translation>모든 모델</translation>
    </message>
    <message>
        <source>%1 (%2 %3, %4): spent %5, in flight %6, remaining %7 of %8</source>
        <translation>%1 (%2 %3, %4): 사용 %5, 진행 중 %6, %8 중 %7 남음</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>input tokens</source>
        <translation>입력 토큰</translation>
    </message>
    <message>
        <source>No budgets. Set one with &apos;batchscope-cli budget set NAME --usd AMOUNT --period day|month&apos;.</source>
        <translation>예산이 없습니다. &apos;batchscope-cli budget set NAME --usd AMOUNT --period day|month&apos;로 설정하세요.</translation>
    </message>
    <message>
        <source>Write &apos;budget clear NAME&apos;.</source>
        <translation>&apos;budget clear NAME&apos;으로 쓰세요.</translation>
    </message>
    <message>
        <source>No budget named &quot;%1&quot; (&apos;budget list&apos; shows them).</source>
        <translation>&quot;%1&quot;이라는 예산이 없습니다(&apos;budget list&apos;로 목록을 봅니다).</translation>
    </message>
    <message>
        <source>Budget %1 removed.</source>
        <translation>예산 %1을(를) 지웠습니다.</translation>
    </message>
</context>
<context>
    <name>bs::cli::CancelCommand</name>
    <message>
        <source>Ask the API to cancel a batch.</source>
        <translation>API에 배치 취소를 요청합니다.</translation>
    </message>
    <message>
        <source>Asks the API to cancel a batch. Requests already processed keep their results; the batch ends once the API has stopped the rest.</source>
        <translation>API에 배치 취소를 요청합니다. 이미 처리된 요청은 결과가 남고, API가 나머지를 멈추면 배치가 끝납니다.</translation>
    </message>
    <message>
        <source>A batch id (msgbatch_...).</source>
        <translation>배치 ID(msgbatch_...).</translation>
    </message>
    <message>
        <source>Cancel requested.</source>
        <translation>취소를 요청했습니다.</translation>
    </message>
</context>
<context>
    <name>bs::cli::CliApp</name>
    <message>
        <source>The command to run (see Commands above).</source>
        <translation>실행할 명령(위의 명령 목록 참고).</translation>
    </message>
    <message>
        <source>Run &apos;batchscope-cli --help&apos; for the usage.</source>
        <translation>사용법은 &apos;batchscope-cli --help&apos;로 확인하세요.</translation>
    </message>
    <message>
        <source>No command given. Run &apos;batchscope-cli --help&apos; for the list of commands.</source>
        <translation>명령이 없습니다. 명령 목록은 &apos;batchscope-cli --help&apos;로 확인하세요.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run &apos;batchscope-cli --help&apos; for the list of commands.</source>
        <translation>알 수 없는 명령 &quot;%1&quot;입니다. 명령 목록은 &apos;batchscope-cli --help&apos;로 확인하세요.</translation>
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
        <translation>화면 없는 Batchscope: 앱과 같은 원장으로 Message Batches를 제출하고, 지켜보고, 비용을 기록합니다.

명령(&apos;batchscope-cli COMMAND --help&apos;로 자세히 보기):
%1
아래의 전역 옵션은 명령 뒤에 써도 됩니다.
원장: --ledger, 없으면 앱의 원장(%2).
API 키: $ANTHROPIC_API_KEY가 설정되어 있으면 그 값, 아니면 &apos;key set&apos;으로 저장한 키. 무언가를 보내기 직전에만 읽습니다.

종료 코드:
  0  ok (성공)
  1  usage error: 사용법 오류(알 수 없는 명령이나 옵션, 값 누락)
  2  input file invalid: 입력 파일이 잘못됨(아무것도 보내지 않음)
  3  API or network error: API 또는 네트워크 오류
  4  API key missing or refused: API 키가 없거나 거부됨, 키체인 사용 불가
  5  ledger error: 원장 오류
  6  partial: 일부 항목이 오류, 만료 또는 취소됨
  7  over budget: 예산 초과(아무것도 보내지 않음)
  8  reconcile: 원장과 Anthropic 비용 보고서가 다름</translation>
    </message>
</context>
<context>
    <name>bs::cli::CliContext</name>
    <message>
        <source>Cannot open the ledger %1: %2</source>
        <translation>원장 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Invalid base URL %1: %2</source>
        <translation>잘못된 기본 URL %1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a batch id.</source>
        <translation>&quot;%1&quot;은(는) 배치 ID가 아닙니다.</translation>
    </message>
    <message>
        <source>Could not start the ingestion of %1.</source>
        <translation>%1의 결과 수집을 시작하지 못했습니다.</translation>
    </message>
    <message>
        <source>No profile named &quot;%1&quot;. Profiles: %2 (add one in the console: Settings → Preferences → Connection).</source>
        <translation>&quot;%1&quot;(이)라는 프로필이 없습니다. 프로필: %2 (콘솔의 설정 → 환경설정 → 연결에서 추가하세요).</translation>
    </message>
</context>
<context>
    <name>bs::cli::CliFormat</name>
    <message>
        <source>%1  %2  processing %3, succeeded %4, errored %5, canceled %6, expired %7</source>
        <translation>%1  %2  처리 중 %3, 성공 %4, 오류 %5, 취소 %6, 만료 %7</translation>
    </message>
    <message>
        <source>  [discovered: created by another tool, cannot be re-sent]</source>
        <translation>  [발견됨: 다른 도구가 만듦, 다시 보낼 수 없음]</translation>
    </message>
    <message>
        <source>  [retry of %1]</source>
        <translation>  [%1의 재시도]</translation>
    </message>
    <message>
        <source>  [results ingested]</source>
        <translation>  [결과 수집됨]</translation>
    </message>
</context>
<context>
    <name>bs::cli::Command</name>
    <message>
        <source>API base URL (default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com).</source>
        <translation>API 기본 URL(기본값: $ANTHROPIC_BASE_URL, 없으면 https://api.anthropic.com).</translation>
    </message>
    <message>
        <source>Ledger file (default: the app&apos;s ledger).</source>
        <translation>원장 파일(기본값: 앱의 원장).</translation>
    </message>
    <message>
        <source>Machine-readable output: one JSON object on stdout.</source>
        <translation>기계가 읽는 출력: stdout에 JSON 객체 하나.</translation>
    </message>
    <message>
        <source>Run &apos;batchscope-cli %1 --help&apos; for its usage.</source>
        <translation>사용법은 &apos;batchscope-cli %1 --help&apos;로 확인하세요.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs %2.</source>
        <translation>&apos;%1&apos;에는 %2이(가) 필요합니다.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>예상하지 못한 인수 &quot;%1&quot;입니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write YYYY-MM-DD.</source>
        <translation>&quot;%1&quot;은(는) 날짜가 아닙니다. YYYY-MM-DD로 쓰세요.</translation>
    </message>
    <message>
        <source>The named profile (workspace) to use: its base URL, its key in the keychain, and the profile new batches are recorded under (default: &quot;default&quot;).</source>
        <translation>사용할 이름 있는 프로필(워크스페이스): 그 기본 URL, 키체인의 키, 그리고 새 배치가 기록될 프로필(기본값: &quot;default&quot;).</translation>
    </message>
</context>
<context>
    <name>bs::cli::CostCommand</name>
    <message>
        <source>Spend from the ledger, in total or by model, day or batch.</source>
        <translation>원장의 지출을 합계로, 또는 모델·날짜·배치별로 보여 줍니다.</translation>
    </message>
    <message>
        <source>Adds up the cost of the ingested results (integer micro-dollars, exact). Results of models the price table does not know are counted as unpriced, not as $0 (&apos;reprice&apos; prices them once the table knows the model). No key, no network.</source>
        <translation>수집한 결과의 비용을 더합니다(정수 마이크로달러, 정확함). 가격표에 없는 모델의 결과는 $0이 아니라 가격 미정으로 셉니다(가격표가 모델을 알게 되면 &apos;reprice&apos;가 가격을 매깁니다). 키와 네트워크가 필요 없습니다.</translation>
    </message>
    <message>
        <source>Only results of this UTC day and later.</source>
        <translation>이 UTC 날짜와 그 이후의 결과만.</translation>
    </message>
    <message>
        <source>Group by model, day or batch.</source>
        <translation>모델, 날짜 또는 배치별로 묶습니다.</translation>
    </message>
    <message>
        <source>--by must be model, day or batch, not &quot;%1&quot;.</source>
        <translation>--by는 &quot;%1&quot;이 아니라 model, day 또는 batch여야 합니다.</translation>
    </message>
    <message>
        <source>Total: %1 over %2 results (%3 succeeded, %4 errored)%5</source>
        <translation>합계: 결과 %2개에 %1 (성공 %3, 오류 %4)%5</translation>
    </message>
    <message>
        <source>; %1 results of unpriced models are not counted</source>
        <translation>; 가격이 없는 모델의 결과 %1개는 포함되지 않았습니다</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
</context>
<context>
    <name>bs::cli::ExportCommand</name>
    <message>
        <source>Write the stored results of a batch as JSONL or CSV.</source>
        <translation>원장에 저장된 배치 결과를 JSONL 또는 CSV로 씁니다.</translation>
    </message>
    <message>
        <source>Writes the results of a batch that are stored in the ledger (run `results BATCH` first) to FILE, or to stdout. JSONL has the shape of the API&apos;s results file, rebuilt from the ledger (the message content is not stored). CSV has one row per item: batch_id, custom_id, type, model, tokens by class, cost_usd (exact), error_type, error_message. A file is written under a temporary name and renamed at the end: an interrupted export leaves no partial file.</source>
        <translation>원장에 저장된 배치 결과(먼저 `results BATCH` 실행)를 FILE 또는 표준 출력에 씁니다. JSONL은 API 결과 파일의 형태를 원장에서 다시 만든 것입니다(메시지 내용은 저장되지 않음). CSV는 항목마다 한 줄입니다: batch_id, custom_id, type, model, 토큰 종류별 수, cost_usd(정확한 값), error_type, error_message. 파일은 임시 이름으로 쓴 뒤 마지막에 이름을 바꾸므로, 중단된 내보내기는 불완전한 파일을 남기지 않습니다.</translation>
    </message>
    <message>
        <source>A batch id (msgbatch_...).</source>
        <translation>배치 ID(msgbatch_...).</translation>
    </message>
    <message>
        <source>Write CSV instead of JSONL.</source>
        <translation>JSONL 대신 CSV로 씁니다.</translation>
    </message>
    <message>
        <source>Write to FILE instead of stdout.</source>
        <translation>표준 출력 대신 FILE에 씁니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a batch id (msgbatch_...).</source>
        <translation>&quot;%1&quot;은(는) 배치 ID(msgbatch_...)가 아닙니다.</translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger %2. Check the id, or run `batchscope-cli status %1` first.</source>
        <translation>배치 %1이(가) 원장 %2에 없습니다. ID를 확인하거나 먼저 `batchscope-cli status %1`을 실행하세요.</translation>
    </message>
    <message>
        <source>Cannot write to stdout.</source>
        <translation>표준 출력에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>stdout</source>
        <translation>표준 출력</translation>
    </message>
    <message>
        <source>The results of %1 are not all stored yet; run `batchscope-cli results %1` for the rest.</source>
        <translation>%1의 결과가 아직 모두 저장되지 않았습니다. 나머지는 `batchscope-cli results %1`로 가져오세요.</translation>
    </message>
</context>
<context>
    <name>bs::cli::KeyCommand</name>
    <message>
        <source>set or clear.</source>
        <translation>set 또는 clear.</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;: write &apos;key set&apos; or &apos;key clear&apos;.</source>
        <translation>알 수 없는 동작 &quot;%1&quot;입니다: &apos;key set&apos; 또는 &apos;key clear&apos;를 쓰세요.</translation>
    </message>
    <message>
        <source>API key (typing is not shown): </source>
        <translation>API 키(입력 내용은 보이지 않습니다): </translation>
    </message>
    <message>
        <source>Cannot read the key from stdin.</source>
        <translation>표준 입력에서 키를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>No key on stdin. Pipe it in, e.g. &apos;batchscope-cli key set &lt; keyfile&apos;.</source>
        <translation>표준 입력에 키가 없습니다. 파이프로 넘기세요. 예: &apos;batchscope-cli key set &lt; keyfile&apos;.</translation>
    </message>
    <message>
        <source>API key stored in the keychain.</source>
        <translation>API 키를 키체인에 저장했습니다.</translation>
    </message>
    <message>
        <source>API key removed from the keychain.</source>
        <translation>API 키를 키체인에서 지웠습니다.</translation>
    </message>
    <message>
        <source>Store the API key (or the Slack webhook URL) in the OS keychain, or remove it.</source>
        <translation>API 키(또는 Slack 웹후크 URL)를 OS 키체인에 저장하거나 지웁니다.</translation>
    </message>
    <message>
        <source>The Slack incoming-webhook URL for alerts instead of the API key.</source>
        <translation>API 키 대신 알림용 Slack 수신 웹후크 URL.</translation>
    </message>
    <message>
        <source>Slack webhook URL (typing is not shown): </source>
        <translation>Slack 웹후크 URL(입력 내용은 보이지 않습니다): </translation>
    </message>
    <message>
        <source>No URL on stdin. Pipe it in, e.g. &apos;batchscope-cli key set --slack-webhook &lt; urlfile&apos;.</source>
        <translation>표준 입력에 URL이 없습니다. 파이프로 넘기세요. 예: &apos;batchscope-cli key set --slack-webhook &lt; urlfile&apos;.</translation>
    </message>
    <message>
        <source>That is not a webhook URL: it must start with https:// (e.g. https://hooks.slack.com/services/...).</source>
        <translation>웹후크 URL이 아닙니다: https://로 시작해야 합니다(예: https://hooks.slack.com/services/...).</translation>
    </message>
    <message>
        <source>Slack webhook URL stored in the keychain.</source>
        <translation>Slack 웹후크 URL을 키체인에 저장했습니다.</translation>
    </message>
    <message>
        <source>Slack webhook URL removed from the keychain.</source>
        <translation>Slack 웹후크 URL을 키체인에서 지웠습니다.</translation>
    </message>
    <message>
        <source>&apos;key set&apos; reads the API key from stdin (a pipe, or typed at a prompt that does not show it) and stores it in the OS keychain; it is never taken from the command line. &apos;key clear&apos; removes it. ANTHROPIC_API_KEY, when set, is used before the keychain.
With --slack-webhook the same is done for the Slack incoming-webhook URL that alerts are posted to (the URL is a secret: it is never shown). BATCHSCOPE_SLACK_WEBHOOK_URL, when set, is used before the keychain.
With --admin the same is done for the Admin API key that &apos;reconcile&apos; uses (ANTHROPIC_ADMIN_KEY, when set, is used before the keychain).</source>
        <translation>&apos;key set&apos;은 표준 입력(파이프, 또는 입력 내용이 보이지 않는 프롬프트)에서 API 키를 읽어 OS 키체인에 저장합니다. 명령줄에서는 절대 받지 않습니다. &apos;key clear&apos;는 키를 지웁니다. ANTHROPIC_API_KEY가 설정되어 있으면 키체인보다 먼저 씁니다.
--slack-webhook을 주면 알림을 보낼 Slack 수신 웹후크 URL에 대해 같은 일을 합니다(URL은 비밀이므로 절대 표시하지 않습니다). BATCHSCOPE_SLACK_WEBHOOK_URL이 설정되어 있으면 키체인보다 먼저 씁니다.
--admin을 주면 &apos;reconcile&apos;이 쓰는 Admin API 키에 대해 같은 일을 합니다(ANTHROPIC_ADMIN_KEY가 설정되어 있으면 키체인보다 먼저 씁니다).</translation>
    </message>
    <message>
        <source>The Admin API key (for &apos;reconcile&apos;) instead of the API key.</source>
        <translation>API 키 대신 Admin API 키(&apos;reconcile&apos;용).</translation>
    </message>
    <message>
        <source>Admin API key (typing is not shown): </source>
        <translation>Admin API 키(입력 내용은 보이지 않음): </translation>
    </message>
    <message>
        <source>Admin API key stored in the keychain.</source>
        <translation>Admin API 키를 키체인에 저장했습니다.</translation>
    </message>
    <message>
        <source>Admin API key removed from the keychain.</source>
        <translation>Admin API 키를 키체인에서 지웠습니다.</translation>
    </message>
</context>
<context>
    <name>bs::cli::ReconcileCommand</name>
    <message>
        <source>Compare the ledger&apos;s cost per day and model with Anthropic&apos;s cost report.</source>
        <translation>원장의 일별·모델별 비용을 Anthropic 비용 보고서와 대조합니다.</translation>
    </message>
    <message>
        <source>Fetches the Admin API&apos;s cost report (batch tier, grouped by description) from --since (default: the last 7 days) through today and shows, per UTC day and model, the ledger&apos;s cost, Anthropic&apos;s and the difference; web searches get a row of their own per day. A difference over 1 % (and at least $0.001), or results the ledger could not price, is flagged and the exit code is 8. Needs the Admin API key: ANTHROPIC_ADMIN_KEY, else the keychain (&apos;key set --admin&apos;).</source>
        <translation>Admin API의 비용 보고서(batch 등급, 설명별 묶음)를 --since(기본값: 최근 7일)부터 오늘까지 가져와 UTC 날짜와 모델마다 원장의 비용, Anthropic의 비용, 그 차이를 보여 줍니다. 웹 검색은 날마다 따로 한 행이 됩니다. 차이가 1 %를 넘고($0.001 이상) 있거나 원장이 가격을 매기지 못한 결과가 있으면 표시하고 종료 코드는 8입니다. Admin API 키가 필요합니다: ANTHROPIC_ADMIN_KEY, 없으면 키체인(&apos;key set --admin&apos;).</translation>
    </message>
    <message>
        <source>From this UTC day (default: 6 days ago).</source>
        <translation>이 UTC 날짜부터(기본값: 6일 전).</translation>
    </message>
    <message>
        <source>Invalid base URL %1: %2</source>
        <translation>잘못된 기본 URL %1: %2</translation>
    </message>
    <message>
        <source>The Admin API refused the key (%1). Reconciliation needs an Admin API key, not an ordinary API key.</source>
        <translation>Admin API가 키를 거부했습니다(%1). 대조에는 일반 API 키가 아니라 Admin API 키가 필요합니다.</translation>
    </message>
    <message>
        <source>day         model                         ledger        Anthropic     difference</source>
        <translation>날짜        모델                          원장          Anthropic     차이</translation>
    </message>
    <message>
        <source>(web search)</source>
        <translation>(웹 검색)</translation>
    </message>
    <message>
        <source>  FLAGGED</source>
        <translation>  차이 있음</translation>
    </message>
    <message>
        <source>Nothing to compare: neither the ledger nor the cost report has batch spend in this period.</source>
        <translation>대조할 것이 없습니다: 이 기간에는 원장에도 비용 보고서에도 배치 지출이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) flagged.</source>
        <translation>
            <numerusform>차이 %n건이 표시되었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ledger and Anthropic agree.</source>
        <translation>원장과 Anthropic이 일치합니다.</translation>
    </message>
</context>
<context>
    <name>bs::cli::RepriceCommand</name>
    <message>
        <source>Price again the results of models the price table did not know.</source>
        <translation>가격표에 없던 모델의 결과에 가격을 다시 매깁니다.</translation>
    </message>
    <message>
        <source>Results ingested while their model was missing from the price table are stored as unpriced (never as $0). Once the table knows the model (a newer Batchscope, or your own %1), &apos;reprice&apos; computes their cost with the current prices and reports what changed, per model. Running it again changes nothing. No key, no network.</source>
        <translation>가격표에 모델이 없을 때 수집한 결과는 가격 미정으로 저장됩니다($0이 아님). 가격표가 모델을 알게 되면(새 버전의 Batchscope, 또는 직접 만든 %1) &apos;reprice&apos;가 현재 가격으로 비용을 계산하고 바뀐 내용을 모델별로 알려 줍니다. 다시 실행해도 아무것도 바뀌지 않습니다. 키와 네트워크가 필요 없습니다.</translation>
    </message>
    <message>
        <source>Only results of this UTC day and later.</source>
        <translation>이 UTC 날짜와 그 이후의 결과만.</translation>
    </message>
    <message numerus="yes">
        <source>  %1: %n result(s), %2</source>
        <translation>
            <numerusform>  %1: 결과 %n개, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repriced %n result(s), adding %1:</source>
        <translation>
            <numerusform>결과 %n개의 가격을 다시 매겨 %1이(가) 더해졌습니다:</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to reprice: no unpriced result has a price now. Nothing was changed.</source>
        <translation>다시 계산할 것이 없습니다: 지금 가격이 생긴 가격 미정 결과가 없습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Still unpriced, the price table does not know their model: %1. Add the model to %2 and run &apos;batchscope-cli reprice&apos; again.</source>
        <translation>여전히 가격 미정입니다. 가격표가 다음 모델을 모릅니다: %1. %2에 모델을 추가하고 &apos;batchscope-cli reprice&apos;를 다시 실행하세요.</translation>
    </message>
</context>
<context>
    <name>bs::cli::ResultsCommand</name>
    <message>
        <source>Ingest the results of an ended batch now.</source>
        <translation>끝난 배치의 결과를 지금 수집합니다.</translation>
    </message>
    <message>
        <source>Downloads and ingests the results of an ended batch: usage, cost, and failed items into the retry queue. Idempotent: a second run inserts nothing.</source>
        <translation>끝난 배치의 결과를 내려받아 수집합니다: 사용량, 비용, 그리고 실패한 항목은 재시도 대기열로. 멱등적입니다: 두 번째 실행은 아무것도 넣지 않습니다.</translation>
    </message>
    <message>
        <source>A batch id (msgbatch_...).</source>
        <translation>배치 ID(msgbatch_...).</translation>
    </message>
</context>
<context>
    <name>bs::cli::RetryCommand</name>
    <message>
        <source>Re-send failed items of a batch with their stored params.</source>
        <translation>배치의 실패한 항목을 저장된 params로 다시 보냅니다.</translation>
    </message>
    <message>
        <source>The JSONL file a batch of another tool was made from (needed once).</source>
        <translation>다른 도구의 배치를 만든 JSONL 파일(한 번만 필요).</translation>
    </message>
    <message>
        <source>A batch id (msgbatch_...).</source>
        <translation>배치 ID(msgbatch_...).</translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger.</source>
        <translation>배치 %1이(가) 원장에 없습니다.</translation>
    </message>
    <message>
        <source>Batch %1 was created by another tool, so Batchscope has no stored params for its items and cannot re-send them. Attach the JSONL file it was made from: batchscope-cli retry %1 --source FILE</source>
        <translation>배치 %1은(는) 다른 도구가 만들었기 때문에 Batchscope에 항목의 params가 저장되어 있지 않아 다시 보낼 수 없습니다. 배치를 만든 JSONL 파일을 연결하세요: batchscope-cli retry %1 --source FILE</translation>
    </message>
    <message numerus="yes">
        <source>Re-sent %n item(s) of %1 as:</source>
        <translation>
            <numerusform>%1의 항목 %n개를 다음으로 다시 보냈습니다:</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry classes, comma-separated: transient, billing, fix_required, access_denied, expired, canceled (default: transient,expired).</source>
        <translation>재시도 분류(쉼표로 구분): transient, billing, fix_required, access_denied, expired, canceled (기본값: transient,expired).</translation>
    </message>
    <message>
        <source>Unknown retry class &quot;%1&quot;. Classes: transient, billing, fix_required, access_denied, expired, canceled.</source>
        <translation>알 수 없는 재시도 분류 &quot;%1&quot;. 분류: transient, billing, fix_required, access_denied, expired, canceled.</translation>
    </message>
    <message>
        <source>Re-sends the failed items of a batch, of the given retry classes, with the params stored when they were first sent, as a new batch. A batch created by another tool has no stored params: attach the JSONL file it was made from once with --source. Like submit, the retry goes through the budget gate first (exit 7 when its worst case would pass a budget, unless --override-budget).</source>
        <translation>배치의 실패한 항목 중 지정한 재시도 분류의 항목을 처음 보낼 때 저장한 params로 새 배치로 다시 보냅니다. 다른 도구로 만든 배치에는 저장된 params가 없으므로, 그 배치를 만든 JSONL 파일을 --source로 한 번 연결하세요. submit처럼 재시도도 먼저 예산 검사를 거칩니다(최악의 경우가 예산을 넘으면 종료 코드 7, --override-budget을 주지 않는 한).</translation>
    </message>
    <message>
        <source>Re-send the items although their worst case would pass a budget; REASON is recorded in the ledger with your name and the figures.</source>
        <translation>최악의 경우가 예산을 넘더라도 항목을 다시 보냅니다. REASON은 이름, 수치와 함께 원장에 기록됩니다.</translation>
    </message>
    <message>
        <source>--override-budget needs a reason, e.g. --override-budget &quot;month-end rerun approved by J. Kim&quot;.</source>
        <translation>--override-budget에는 사유가 필요합니다. 예: --override-budget &quot;month-end rerun approved by J. Kim&quot;.</translation>
    </message>
    <message>
        <source>Nothing of %1 was re-sent: the retry&apos;s worst case would pass a budget.</source>
        <translation>%1의 항목을 하나도 다시 보내지 않았습니다: 재시도의 최악의 경우가 예산을 넘습니다.</translation>
    </message>
    <message>
        <source>To send it: raise the budget (&apos;batchscope-cli budget set&apos;), wait until batches in flight are ingested or the period turns, retry fewer classes, or retry again with --override-budget REASON (recorded in the ledger with your name).</source>
        <translation>보내려면: 예산을 올리거나(&apos;batchscope-cli budget set&apos;), 진행 중인 배치의 결과가 수집되거나 기간이 바뀔 때까지 기다리거나, 분류를 줄여 재시도하거나, --override-budget REASON으로 다시 재시도하세요(이름과 함께 원장에 기록됨).</translation>
    </message>
    <message>
        <source>Sent past the budget (override #%1 recorded): %2</source>
        <translation>예산을 넘어 보냈습니다(예산 무시 #%1 기록됨): %2</translation>
    </message>
</context>
<context>
    <name>bs::cli::StatsCommand</name>
    <message>
        <source>Processing time of ended batches: P50 and P95 per model and size band.</source>
        <translation>종료된 배치의 처리 시간: 모델 및 크기 구간별 P50과 P95.</translation>
    </message>
    <message>
        <source>How long batches took on this ledger, from creation to end (canceled batches left out), grouped by model (the model with the most requests in the batch&apos;s draft; &apos;unknown&apos; for batches of other tools) and size band (requests: 1-99, 100-999, 1000-9999, 10000-100000). P50 and P95 are nearest-rank percentiles: times that happened. The watcher&apos;s metrics export the same figures. No key, no network.</source>
        <translation>이 원장의 배치가 생성부터 종료까지 걸린 시간(취소된 배치 제외)을 모델(배치 초안에서 요청이 가장 많은 모델, 다른 도구의 배치는 &apos;unknown&apos;)과 크기 구간(요청 수: 1-99, 100-999, 1000-9999, 10000-100000)별로 보여 줍니다. P50과 P95는 최근접 순위 백분위수로, 실제로 있었던 시간입니다. 감시기의 메트릭도 같은 수치를 내보냅니다. 키와 네트워크가 필요 없습니다.</translation>
    </message>
    <message>
        <source>No ended batch yet: nothing to measure.</source>
        <translation>아직 종료된 배치가 없어 잴 것이 없습니다.</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4  %5</source>
        <translation>%1  %2  %3  %4  %5</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>요청 수</translation>
    </message>
    <message>
        <source>batches</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>P50</source>
        <translation>P50</translation>
    </message>
    <message>
        <source>P95</source>
        <translation>P95</translation>
    </message>
</context>
<context>
    <name>bs::cli::StatusCommand</name>
    <message>
        <source>Refresh and show one batch, or every tracked batch.</source>
        <translation>배치 하나, 또는 추적 중인 모든 배치를 새로 고쳐 보여 줍니다.</translation>
    </message>
    <message>
        <source>Refreshes one batch from the API, or every tracked batch with one poll cycle (which also discovers batches created by other tools), and shows them.</source>
        <translation>API에서 배치 하나를 새로 고치거나, 폴링 한 번으로 추적 중인 모든 배치를 새로 고쳐(다른 도구가 만든 배치도 찾아냄) 보여 줍니다.</translation>
    </message>
    <message>
        <source>A batch id (msgbatch_...); all tracked batches when absent.</source>
        <translation>배치 ID(msgbatch_...). 없으면 추적 중인 모든 배치.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>예상하지 못한 인수 &quot;%1&quot;입니다.</translation>
    </message>
    <message>
        <source>No batches tracked.</source>
        <translation>추적 중인 배치가 없습니다.</translation>
    </message>
</context>
<context>
    <name>bs::cli::SubmitCommand</name>
    <message>
        <source>Validate a JSONL file, store every request, create the batch(es).</source>
        <translation>JSONL 파일을 검사하고, 모든 요청을 저장한 뒤 배치를 만듭니다.</translation>
    </message>
    <message>
        <source>Wait until the batches end and ingest the results.</source>
        <translation>배치가 끝날 때까지 기다렸다가 결과를 수집합니다.</translation>
    </message>
    <message>
        <source>The JSONL file to submit.</source>
        <translation>제출할 JSONL 파일.</translation>
    </message>
    <message numerus="yes">
        <source>Submitted %1 requests from %2 as %n batch(es):</source>
        <translation>
            <numerusform>%2의 요청 %1개를 배치 %n개로 제출했습니다:</numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted %1 requests as %2; waiting for the end...</source>
        <translation>요청 %1개를 %2(으)로 제출했습니다. 끝나기를 기다리는 중...</translation>
    </message>
    <message>
        <source>Send the file although the check found warnings (they are printed either way).</source>
        <translation>검사에서 경고가 나와도 파일을 보냅니다(경고는 어느 쪽이든 출력됩니다).</translation>
    </message>
    <message>
        <source>%1: nothing was sent. Fix the lines above and submit again.</source>
        <translation>%1: 아무것도 보내지 않았습니다. 위의 줄을 고친 뒤 다시 제출하세요.</translation>
    </message>
    <message>
        <source>%1 was not sent: its worst case would pass a budget.</source>
        <translation>%1을(를) 보내지 않았습니다: 최악의 경우 예산을 넘습니다.</translation>
    </message>
    <message>
        <source>To send it: raise the budget (&apos;batchscope-cli budget set&apos;), wait until batches in flight are ingested or the period turns, or submit again with --override-budget REASON (recorded in the ledger with your name).</source>
        <translation>보내려면: 예산을 올리거나(&apos;batchscope-cli budget set&apos;), 진행 중인 배치가 수집되거나 기간이 바뀔 때까지 기다리거나, --override-budget REASON으로 다시 제출하세요(사유는 이름과 함께 원장에 기록됩니다).</translation>
    </message>
    <message>
        <source>Validates a JSONL file of {&quot;custom_id&quot;, &quot;params&quot;} lines (nothing is sent and no key is needed when it is invalid), stores every request in the ledger, then creates the batch(es): a file above 100,000 requests or 256 MB is split, in file order. Before anything is stored the budget gate compares its worst case with every budget (exit 7 when one would be passed, unless --override-budget). --wait polls until they end and ingests the results.</source>
        <translation>{&quot;custom_id&quot;, &quot;params&quot;} 줄로 된 JSONL 파일을 검사하고(잘못된 파일이면 아무것도 보내지 않고 키도 필요 없습니다), 모든 요청을 원장에 저장한 뒤 배치를 만듭니다: 요청 100,000개나 256 MB를 넘는 파일은 파일 순서대로 나눕니다. 무언가를 저장하기 전에 예산 게이트가 최악의 경우를 모든 예산과 비교합니다(하나라도 넘으면 --override-budget 없이는 종료 코드 7). --wait는 배치가 끝날 때까지 확인한 뒤 결과를 수집합니다.</translation>
    </message>
    <message>
        <source>Send the file although its worst case would pass a budget; REASON is recorded in the ledger with your name and the figures.</source>
        <translation>최악의 경우 예산을 넘더라도 파일을 보냅니다. REASON은 이름, 수치와 함께 원장에 기록됩니다.</translation>
    </message>
    <message>
        <source>--override-budget needs a reason, e.g. --override-budget &quot;quarter-end report, approved by Kim&quot;.</source>
        <translation>--override-budget에는 사유가 필요합니다. 예: --override-budget &quot;분기 말 보고서, Kim 승인&quot;.</translation>
    </message>
    <message>
        <source>Sent past the budget (override #%1 recorded): %2</source>
        <translation>예산을 넘어 보냈습니다(예산 무시 #%1 기록됨): %2</translation>
    </message>
</context>
<context>
    <name>bs::cli::ValidateCommand</name>
    <message>
        <source>Check a JSONL file as submit would: no key, no network, nothing stored.</source>
        <translation>submit과 똑같이 JSONL 파일을 검사합니다: 키, 네트워크, 저장 없음.</translation>
    </message>
    <message>
        <source>At most N requests per batch (default 100000).</source>
        <translation>배치당 요청 최대 N개(기본값 100000).</translation>
    </message>
    <message>
        <source>--split-at must be a number from 1 to %1.</source>
        <translation>--split-at은 1부터 %1까지의 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>The JSONL file to check.</source>
        <translation>검사할 JSONL 파일.</translation>
    </message>
    <message>
        <source>... and %1 more problems.</source>
        <translation>... 그리고 문제 %1개가 더 있습니다.</translation>
    </message>
    <message>
        <source>%1 is not valid. Fix the lines above and check it again.</source>
        <translation>%1이(가) 올바르지 않습니다. 위의 줄을 고친 뒤 다시 검사하세요.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is valid: %2 requests, sent as %n batch(es).</source>
        <translation>
            <numerusform>%1은(는) 올바릅니다: 요청 %2개, 배치 %n개로 보냅니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checks every line of a JSONL file of {&quot;custom_id&quot;, &quot;params&quot;} objects and lists each problem as FILE:LINE[:COLUMN][:FIELD]: error|warning|note: what is wrong. Errors make the file invalid (exit 2); warnings and notes do not (exit 0). Needs no API key and sends nothing; an existing ledger is read (never created) to warn about custom_ids used before. A file without errors is reported with the batches it would be sent as (at most 100,000 requests and 256 MB each) and the estimate per model: requests, input tokens (characters / 4), output tokens at worst (max_tokens) and the worst-case cost at batch prices.</source>
        <translation>{&quot;custom_id&quot;, &quot;params&quot;} 객체로 된 JSONL 파일의 모든 줄을 검사하고 각 문제를 FILE:LINE[:COLUMN][:FIELD]: error|warning|note: 무엇이 잘못됐는지 형태로 보여 줍니다. 오류가 있으면 파일이 올바르지 않습니다(종료 코드 2). 경고와 참고는 그렇지 않습니다(종료 코드 0). API 키가 필요 없고 아무것도 보내지 않습니다. 이미 쓰인 custom_id를 경고하려고 기존 원장을 읽습니다(새로 만들지 않음). 오류가 없는 파일은 보낼 배치(각각 요청 최대 100,000개, 256 MB)와 모델별 추정치(요청 수, 입력 토큰(문자 수 / 4), 최악의 출력 토큰(max_tokens), 배치 가격의 최악 비용)를 함께 보여 줍니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): read them; to send the file as it is, submit again with --accept-warnings.</source>
        <translation>
            <numerusform>경고 %n개: 읽어 보세요. 파일을 그대로 보내려면 --accept-warnings로 다시 제출하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1: %2 requests, ~%3 input tokens, at most %4 output tokens, at most %5.</source>
        <translation>  %1: 요청 %2개, 입력 약 %3토큰, 출력 최대 %4토큰, 최대 %5.</translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation>가격 없음</translation>
    </message>
    <message>
        <source>Calibrate the input-token estimate with the API&apos;s count_tokens on a sample of up to %1 requests per model (needs an API key; sends those requests to count_tokens only).</source>
        <translation>모델마다 요청을 최대 %1개 표본으로 골라 API의 count_tokens로 입력 토큰 추정치를 보정합니다(API 키 필요. 그 요청들은 count_tokens에만 보냅니다).</translation>
    </message>
    <message>
        <source>(calibrated with count_tokens; ~%1 locally)</source>
        <translation>(count_tokens로 보정함. 로컬 추정 약 %1)</translation>
    </message>
    <message>
        <source>Calibrating the estimate with count_tokens...</source>
        <translation>count_tokens로 추정치를 보정하는 중...</translation>
    </message>
    <message>
        <source>With --calibrate (an API key is needed) up to %1 requests per model, spread through the file, are sent to count_tokens (never created as a batch) and the input-token estimate and its cost are calibrated with what it counts.</source>
        <translation>--calibrate를 쓰면(API 키 필요) 파일 전체에 고르게 퍼진 모델별 요청 최대 %1개를 count_tokens로 보내고(배치로 만들지는 않음), 센 결과로 입력 토큰 추정치와 그 비용을 보정합니다.</translation>
    </message>
    <message>
        <source>  %1: %2 requests, ~%3 input tokens, at most %4 output tokens, at most %5, expected %6 (the output this ledger has seen).</source>
        <translation>  %1: 요청 %2개, 입력 토큰 약 %3개, 출력 토큰 최대 %4개, 최대 %5, 예상 %6(이 원장에서 본 출력 기준).</translation>
    </message>
</context>
<context>
    <name>bs::cli::WatchCommand</name>
    <message>
        <source>Poll, ingest, raise alerts and serve metrics until stopped (or once, for cron).</source>
        <translation>멈출 때까지(또는 cron용으로 한 번) 폴링하고, 수집하고, 알림을 보내고, 지표를 제공합니다.</translation>
    </message>
    <message>
        <source>Watches every batch of the ledger: polls the API, ingests the results of ended batches, evaluates the alert rules after each cycle (each alert fires once per rule, subject and period, across restarts and other watchers of the same ledger) and posts what fires to Slack when a webhook URL is stored (&apos;key set --slack-webhook&apos;) or BATCHSCOPE_SLACK_WEBHOOK_URL is set. Prints one line per event (with --json: one JSON object per line). SIGINT or SIGTERM stop it cleanly.
With --metrics-listen the metrics are served at http://HOST:PORT/metrics (Prometheus text format; port 0 picks a free one) and the URL is the first line printed. With --statsd they are pushed to a DogStatsD agent after each cycle.</source>
        <translation>원장의 모든 배치를 감시합니다: API를 폴링하고, 끝난 배치의 결과를 수집하고, 매 주기마다 알림 규칙을 평가하며(각 알림은 규칙, 대상, 기간마다 한 번만 발생하며 재시작이나 같은 원장을 보는 다른 감시자가 있어도 마찬가지입니다), 웹후크 URL이 저장되어 있거나(&apos;key set --slack-webhook&apos;) BATCHSCOPE_SLACK_WEBHOOK_URL이 설정되어 있으면 발생한 알림을 Slack에 보냅니다. 이벤트마다 한 줄을 출력합니다(--json이면 줄마다 JSON 객체 하나). SIGINT나 SIGTERM을 받으면 깔끔하게 멈춥니다.
--metrics-listen을 주면 http://HOST:PORT/metrics에서 지표를 제공하고(Prometheus 텍스트 형식, 포트 0이면 빈 포트를 고름) 그 URL을 첫 줄에 출력합니다. --statsd를 주면 매 주기 뒤 DogStatsD 에이전트로 지표를 보냅니다.</translation>
    </message>
    <message>
        <source>Run one cycle (poll, ingest, alerts, deliveries), then exit.</source>
        <translation>한 주기(폴링, 수집, 알림, 전달)를 실행하고 끝냅니다.</translation>
    </message>
    <message>
        <source>Serve Prometheus metrics on HOST:PORT, e.g. 127.0.0.1:9464 (off by default).</source>
        <translation>HOST:PORT에서 Prometheus 지표를 제공합니다. 예: 127.0.0.1:9464(기본값: 끔).</translation>
    </message>
    <message>
        <source>Push metrics to a DogStatsD agent at HOST:PORT (UDP), e.g. 127.0.0.1:8125.</source>
        <translation>HOST:PORT의 DogStatsD 에이전트로 지표를 보냅니다(UDP). 예: 127.0.0.1:8125.</translation>
    </message>
    <message>
        <source>&apos;watch&apos; takes no arguments.</source>
        <translation>&apos;watch&apos;는 인수를 받지 않습니다.</translation>
    </message>
    <message>
        <source>--metrics-listen wants HOST:PORT, e.g. 127.0.0.1:9464.</source>
        <translation>--metrics-listen에는 HOST:PORT를 주세요. 예: 127.0.0.1:9464.</translation>
    </message>
    <message>
        <source>--statsd wants HOST:PORT, e.g. 127.0.0.1:8125.</source>
        <translation>--statsd에는 HOST:PORT를 주세요. 예: 127.0.0.1:8125.</translation>
    </message>
</context>
<context>
    <name>bs::cli::WatchSession</name>
    <message>
        <source>The Slack webhook URL is not a URL; alerts go to the alert log only.</source>
        <translation>Slack 웹후크 URL이 URL 형식이 아닙니다. 알림은 알림 기록에만 남습니다.</translation>
    </message>
    <message>
        <source>alert %1 delivered to Slack (attempts: %2)</source>
        <translation>알림 %1을(를) Slack에 전달했습니다(시도 %2회)</translation>
    </message>
    <message>
        <source>alert %1 not delivered to Slack after %2 attempts: %3</source>
        <translation>알림 %1을(를) %2회 시도했지만 Slack에 전달하지 못했습니다: %3</translation>
    </message>
    <message>
        <source>Cannot serve metrics on %1:%2: %3</source>
        <translation>%1:%2에서 지표를 제공할 수 없습니다: %3</translation>
    </message>
    <message>
        <source>batch %1 ended</source>
        <translation>배치 %1이(가) 끝났습니다</translation>
    </message>
    <message>
        <source>batch %1 of another tool is now tracked</source>
        <translation>다른 도구의 배치 %1을(를) 이제 추적합니다</translation>
    </message>
    <message>
        <source>batch %1 is no longer known to the server</source>
        <translation>서버가 배치 %1을(를) 더 이상 알지 못합니다</translation>
    </message>
    <message>
        <source>watching %1 (Slack alerts: %2)</source>
        <translation>%1 감시 중(Slack 알림: %2)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>켬</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>an ingestion in progress was stopped; the next run resumes it</source>
        <translation>진행 중이던 수집을 멈췄습니다. 다음 실행에서 이어서 합니다</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>the alert rules could not be evaluated: %1</source>
        <translation>알림 규칙을 평가하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>SIGTERM received</source>
        <translation>SIGTERM 받음</translation>
    </message>
    <message>
        <source>SIGINT received</source>
        <translation>SIGINT 받음</translation>
    </message>
</context>
<context>
    <name>bs::ui::AboutDialog</name>
    <message>
        <source>About Batchscope</source>
        <translation>Batchscope 정보</translation>
    </message>
    <message>
        <source>A desktop console for Anthropic&apos;s Message Batches API: validate, submit, watch, account and retry batch workloads.</source>
        <translation>Anthropic 메시지 배치 API용 데스크톱 콘솔: 배치 작업을 검증하고, 제출하고, 감시하고, 비용을 정산하고, 재시도합니다.</translation>
    </message>
    <message>
        <source>License: GNU General Public License, version 3 or later (GPL-3.0-or-later).</source>
        <translation>라이선스: GNU 일반 공중 사용 허가서 버전 3 이상 (GPL-3.0-or-later).</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Qt %1(으)로 빌드, Qt %2에서 실행 중.</translation>
    </message>
</context>
<context>
    <name>bs::ui::AlertLogDock</name>
    <message>
        <source>Alert Log</source>
        <translation>알림 기록</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>모든 심각도</translation>
    </message>
    <message>
        <source>Warnings and critical</source>
        <translation>경고와 심각</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>심각만</translation>
    </message>
    <message>
        <source>Filter alerts by rule, batch id or text</source>
        <translation>규칙, 배치 ID, 텍스트로 알림 거르기</translation>
    </message>
</context>
<context>
    <name>bs::ui::AlertLogModel</name>
    <message>
        <source>Critical</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>Desktop: shown</source>
        <translation>데스크톱: 표시함</translation>
    </message>
    <message>
        <source>Desktop: logged only (no system tray)</source>
        <translation>데스크톱: 기록만 함(시스템 트레이 없음)</translation>
    </message>
    <message>
        <source>Log only (no sink)</source>
        <translation>기록만(전달 대상 없음)</translation>
    </message>
    <message>
        <source>Slack: sending…</source>
        <translation>Slack: 보내는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Slack: delivered (%n attempt(s))</source>
        <translation>
            <numerusform>Slack: 전달됨(%n회 시도)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Slack: failed after %n attempt(s): %1</source>
        <translation>
            <numerusform>Slack: %n회 시도 후 실패: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>전달</translation>
    </message>
    <message>
        <source>Desktop: no tray</source>
        <translation>데스크톱: 트레이 없음</translation>
    </message>
    <message>
        <source>Log only</source>
        <translation>기록만</translation>
    </message>
    <message>
        <source>Slack: delivered</source>
        <translation>Slack: 전달됨</translation>
    </message>
    <message>
        <source>Slack: failed</source>
        <translation>Slack: 실패</translation>
    </message>
</context>
<context>
    <name>bs::ui::AlertsPanel</name>
    <message>
        <source>Alert rules (this ledger, shared with watch)</source>
        <translation>알림 규칙(이 원장, watch와 공유)</translation>
    </message>
    <message>
        <source>Budget thresholds (%):</source>
        <translation>예산 임계값(%):</translation>
    </message>
    <message>
        <source>Errored share of a batch:</source>
        <translation>배치의 오류 비율:</translation>
    </message>
    <message>
        <source> h</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Warn before the 24 h expiry:</source>
        <translation>24시간 만료 전 경고:</translation>
    </message>
    <message>
        <source> days</source>
        <translation>일</translation>
    </message>
    <message>
        <source>Warn before the results are archived:</source>
        <translation>결과 보관 전 경고:</translation>
    </message>
    <message>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <source>API unreachable or key refused for:</source>
        <translation>API 연결 불가 또는 키 거부 지속 시간:</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>Webhook:</source>
        <translation>웹훅:</translation>
    </message>
    <message>
        <source>https://hooks.slack.com/services/…</source>
        <translation>https://hooks.slack.com/services/…</translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation>테스트 보내기(&amp;T)</translation>
    </message>
    <message>
        <source>New URL:</source>
        <translation>새 URL:</translation>
    </message>
    <message>
        <source>Metrics (while the console runs)</source>
        <translation>지표(콘솔 실행 중)</translation>
    </message>
    <message>
        <source>Serve /metrics on 127.0.0.1</source>
        <translation>127.0.0.1에서 /metrics 제공</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>빈 포트 아무거나</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>포트:</translation>
    </message>
    <message>
        <source>HOST:PORT, e.g. 127.0.0.1:8125 (empty: none)</source>
        <translation>HOST:PORT, 예: 127.0.0.1:8125 (비우면 없음)</translation>
    </message>
    <message>
        <source>DogStatsD agent:</source>
        <translation>DogStatsD 에이전트:</translation>
    </message>
    <message>
        <source>Metrics settings apply when the console starts.</source>
        <translation>지표 설정은 콘솔을 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>Budget thresholds: write percentages between 1 and 1000, separated by commas.</source>
        <translation>예산 임계값: 1에서 1000 사이의 백분율을 쉼표로 구분해 쓰세요.</translation>
    </message>
    <message>
        <source>DogStatsD agent: write HOST:PORT, e.g. 127.0.0.1:8125.</source>
        <translation>DogStatsD 에이전트: HOST:PORT 형식으로 쓰세요. 예: 127.0.0.1:8125.</translation>
    </message>
    <message>
        <source>set (hidden)</source>
        <translation>설정됨(숨김)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>설정 안 됨</translation>
    </message>
    <message>
        <source>not a webhook URL</source>
        <translation>웹훅 URL이 아닙니다</translation>
    </message>
    <message>
        <source>Test message from the Batchscope console: Slack alerts work.</source>
        <translation>Batchscope 콘솔의 테스트 메시지: Slack 알림이 작동합니다.</translation>
    </message>
</context>
<context>
    <name>bs::ui::BatchActions</name>
    <message>
        <source>&amp;Retry Errored…</source>
        <translation>실패 항목 재시도(&amp;R)…</translation>
    </message>
    <message>
        <source>Retry &amp;Selected Items</source>
        <translation>선택한 항목 재시도(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel Batch</source>
        <translation>배치 취소(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete Batch</source>
        <translation>배치 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Ingest Results Now</source>
        <translation>지금 결과 수집(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Attach Source File…</source>
        <translation>원본 파일 연결(&amp;A)…</translation>
    </message>
    <message>
        <source>Export Results as &amp;JSONL…</source>
        <translation>결과를 JSONL로 내보내기(&amp;J)…</translation>
    </message>
    <message>
        <source>Export Results as C&amp;SV…</source>
        <translation>결과를 CSV로 내보내기(&amp;S)…</translation>
    </message>
    <message>
        <source>Re-send the failed items of the selected batch (asks first)</source>
        <translation>선택한 배치의 실패 항목을 다시 보냅니다(먼저 확인)</translation>
    </message>
    <message>
        <source>Ask the API to cancel the selected batch (asks first)</source>
        <translation>선택한 배치의 취소를 API에 요청합니다(먼저 확인)</translation>
    </message>
    <message>
        <source>Delete the selected ended batch on the server; the ledger keeps its results (asks first)</source>
        <translation>선택한 끝난 배치를 서버에서 삭제합니다. 결과는 원장에 남습니다(먼저 확인)</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>배치(&amp;B)</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Submit File…</source>
        <translation>파일 제출…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Batch %1 was created by another tool: attach its source file first (Batch → Attach Source File…).</source>
        <translation>배치 %1은(는) 다른 도구로 만들어졌습니다: 먼저 원본 파일을 연결하세요(배치 → 원본 파일 연결…).</translation>
    </message>
    <message>
        <source>Batch %1 has no failed items waiting to be retried.</source>
        <translation>배치 %1에는 재시도를 기다리는 실패 항목이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Re-sending %n item(s) of %1…</source>
        <translation>
            <numerusform>%1의 항목 %n개를 다시 보내는 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry Selected Items</source>
        <translation>선택한 항목 재시도</translation>
    </message>
    <message numerus="yes">
        <source>Re-send %n item(s) of %1 as a new batch? This is billed like any batch.</source>
        <translation>
            <numerusform>%1의 항목 %n개를 새 배치로 다시 보낼까요? 다른 배치와 똑같이 요금이 부과됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-send</source>
        <translation>다시 보내기</translation>
    </message>
    <message>
        <source>Cancel Batch</source>
        <translation>배치 취소</translation>
    </message>
    <message>
        <source>Cancel batch %1? Requests not yet processed are dropped (not billed); those already done keep their results.</source>
        <translation>배치 %1을(를) 취소할까요? 아직 처리되지 않은 요청은 버려지고(요금 없음), 이미 처리된 요청은 결과를 유지합니다.</translation>
    </message>
    <message>
        <source>Delete Batch</source>
        <translation>배치 삭제</translation>
    </message>
    <message>
        <source>Delete batch %1 on the server? Its results can no longer be downloaded from the API; the ledger keeps what it stored (results, costs, retry items).</source>
        <translation>서버에서 배치 %1을(를) 삭제할까요? 그 결과는 더 이상 API에서 내려받을 수 없습니다. 원장은 저장한 것(결과, 비용, 재시도 항목)을 유지합니다.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Attach the source file of %1</source>
        <translation>%1의 원본 파일 연결</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.ndjson *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Export Results as CSV</source>
        <translation>결과를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>Export Results as JSONL</source>
        <translation>결과를 JSONL로 내보내기</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message numerus="yes">
        <source>Exporting the results of %n batch(es)…</source>
        <translation>
            <numerusform>배치 %n개의 결과를 내보내는 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Batchscope</source>
        <translation>Batchscope</translation>
    </message>
</context>
<context>
    <name>bs::ui::BatchDetails</name>
    <message>
        <source>Select a batch to see its details.</source>
        <translation>배치를 선택하면 자세한 내용이 보입니다.</translation>
    </message>
    <message>
        <source>Batch %1 is not in the ledger.</source>
        <translation>배치 %1이(가) 원장에 없습니다.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>처리 시간</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>만료</translation>
    </message>
    <message>
        <source>Cancel requested</source>
        <translation>취소 요청</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>보관됨</translation>
    </message>
    <message>
        <source>Gone since</source>
        <translation>사라진 시각</translation>
    </message>
    <message>
        <source>Results ingested</source>
        <translation>결과 수집</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>성공</translation>
    </message>
    <message>
        <source>Errored</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>만료됨</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>not ingested</source>
        <translation>수집 안 됨</translation>
    </message>
    <message>
        <source>not ended yet</source>
        <translation>아직 종료되지 않음</translation>
    </message>
    <message>
        <source>Unpriced results</source>
        <translation>가격 없는 결과</translation>
    </message>
    <message>
        <source>Results stored</source>
        <translation>저장된 결과</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>입력 토큰</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>출력 토큰</translation>
    </message>
    <message>
        <source>Cache writes (5 min / 1 h)</source>
        <translation>캐시 쓰기(5분 / 1시간)</translation>
    </message>
    <message>
        <source>%1 (%2 / %3)</source>
        <translation>%1 (%2 / %3)</translation>
    </message>
    <message>
        <source>Cache reads</source>
        <translation>캐시 읽기</translation>
    </message>
    <message>
        <source>Web searches</source>
        <translation>웹 검색</translation>
    </message>
    <message>
        <source>%1 · %2 result(s)</source>
        <translation>%1 · 결과 %2개</translation>
    </message>
    <message>
        <source>Source and lineage</source>
        <translation>원본과 계보</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>created by another tool (no stored requests)</source>
        <translation>다른 도구로 생성됨(저장된 요청 없음)</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>원본 파일</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>제출자</translation>
    </message>
    <message>
        <source>Retry of</source>
        <translation>재시도 대상</translation>
    </message>
    <message>
        <source>Retried by</source>
        <translation>재시도한 배치</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>워크스페이스</translation>
    </message>
    <message>
        <source>Estimated at submission</source>
        <translation>제출 시 추정</translation>
    </message>
    <message>
        <source>unpriced model: no figure (~%1 input tokens, at most %2 output tokens)</source>
        <translation>가격 없는 모델: 금액 없음 (입력 토큰 약 %1개, 출력 토큰 최대 %2개)</translation>
    </message>
    <message>
        <source>at most %1 (~%2 input tokens, at most %3 output tokens)</source>
        <translation>최대 %1 (입력 토큰 약 %2개, 출력 토큰 최대 %3개)</translation>
    </message>
    <message>
        <source>Actual against the estimate</source>
        <translation>추정 대비 실제</translation>
    </message>
    <message>
        <source>%1% of the worst case</source>
        <translation>최악의 경우의 %1%</translation>
    </message>
    <message>
        <source>Deleted on the server</source>
        <translation>서버에서 삭제한 시각</translation>
    </message>
</context>
<context>
    <name>bs::ui::BatchTableModel</name>
    <message>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Canceling</source>
        <translation>취소 중</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>Ended, results pending</source>
        <translation>종료됨, 결과 대기 중</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>not ingested</source>
        <translation>수집 안 됨</translation>
    </message>
    <message numerus="yes">
        <source>%1 + %n unpriced</source>
        <translation>
            <numerusform>%1 + 가격 미정 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>another tool</source>
        <translation>다른 도구</translation>
    </message>
    <message>
        <source>Created by another tool: its requests are not stored here, so its failed items cannot be re-sent until its source file is attached.</source>
        <translation>다른 도구로 만든 배치입니다. 요청이 여기에 저장되어 있지 않으므로 원본 파일을 연결하기 전에는 실패한 항목을 다시 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Retry of %1</source>
        <translation>%1의 재시도</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>성공</translation>
    </message>
    <message>
        <source>Errored</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>만료됨</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>사라짐</translation>
    </message>
    <message>
        <source>The server no longer knows this batch (deleted elsewhere, or in another workspace). It is not polled any more; its stored requests and results stay in the ledger.</source>
        <translation>서버가 더 이상 이 배치를 알지 못합니다(다른 곳에서 삭제되었거나 다른 워크스페이스에 있음). 더 이상 조회하지 않으며, 저장된 요청과 결과는 원장에 그대로 남습니다.</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>보관됨</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1일 %2시간</translation>
    </message>
    <message>
        <source>retry of %1</source>
        <translation>%1의 재시도</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>경과</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>계보</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1% succeeded</source>
        <translation>%1% 성공</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>끝남</translation>
    </message>
    <message>
        <source>Running for %1; a batch expires after %2. The API reports no per-request progress until the batch ends.</source>
        <translation>%1째 실행 중입니다. 배치는 %2 후에 만료됩니다. API는 배치가 끝날 때까지 요청별 진행 상황을 알려 주지 않습니다.</translation>
    </message>
    <message>
        <source>Succeeded %1 · Errored %2 · Canceled %3 · Expired %4</source>
        <translation>성공 %1 · 오류 %2 · 취소 %3 · 만료 %4</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행</translation>
    </message>
    <message>
        <source>≤ %1 (estimate)</source>
        <translation>≤ %1 (추정)</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>아직 생성 안 됨</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>보내는 중</translation>
    </message>
    <message>
        <source>Stored, not sent</source>
        <translation>저장됨, 보내지 않음</translation>
    </message>
    <message>
        <source>Write-ahead: every request is stored in the ledger (%1) before the batch is created, so nothing is lost or sent twice if the create fails or its answer is lost.</source>
        <translation>선기록: 배치를 만들기 전에 모든 요청을 원장(%1)에 저장하므로, 생성이 실패하거나 응답을 잃어도 잃어버리거나 두 번 보내는 것이 없습니다.</translation>
    </message>
    <message>
        <source>~%1 (P95 %2)</source>
        <translation>약 %1 (P95 %2)</translation>
    </message>
    <message>
        <source>any time now (P95 %1)</source>
        <translation>곧 끝남 (P95 %1)</translation>
    </message>
    <message>
        <source>overdue (P95 %1)</source>
        <translation>지연됨 (P95 %1)</translation>
    </message>
    <message numerus="yes">
        <source>Median %1 and 95th percentile %2 of %n ended batch(es) of %3 with half to twice as many requests, in this ledger.</source>
        <translation>
            <numerusform>이 원장에서 요청 수가 절반에서 두 배 사이인 %3의 종료된 배치 %n개의 중앙값 %1, 95번째 백분위수 %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>No estimate: this ledger has no ended batch of this model with a similar number of requests yet.</source>
        <translation>추정 없음: 이 원장에는 이 모델로 비슷한 요청 수를 가진 종료된 배치가 아직 없습니다.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>예상 완료</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>삭제됨</translation>
    </message>
    <message>
        <source>Deleted on the server from here on %1. Its stored requests, results and costs stay in the ledger.</source>
        <translation>%1에 여기서 서버의 배치를 삭제했습니다. 저장된 요청, 결과, 비용은 원장에 남아 있습니다.</translation>
    </message>
</context>
<context>
    <name>bs::ui::BudgetBar</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 토큰</translation>
    </message>
    <message>
        <source>%1 committed + %2 this file of %3</source>
        <translation>확정 %1 + 이 파일 %2 / 한도 %3</translation>
    </message>
    <message>
        <source>over by %1</source>
        <translation>%1 초과</translation>
    </message>
    <message>
        <source>No budget is set.</source>
        <translation>설정된 예산이 없습니다.</translation>
    </message>
</context>
<context>
    <name>bs::ui::BudgetTableModel</name>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>입력 토큰</translation>
    </message>
    <message>
        <source>Daily (UTC)</source>
        <translation>일별 (UTC)</translation>
    </message>
    <message>
        <source>Monthly (UTC)</source>
        <translation>월별 (UTC)</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>모든 모델</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>예산</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>제한 대상</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>한도</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>사용액</translation>
    </message>
    <message>
        <source>In flight (worst case)</source>
        <translation>진행 중 (최악의 경우)</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>남은 금액</translation>
    </message>
    <message>
        <source>Spent (all profiles)</source>
        <translation>사용액 (모든 프로필)</translation>
    </message>
    <message>
        <source>Spent (%1)</source>
        <translation>사용액 (%1)</translation>
    </message>
    <message>
        <source>In flight (all profiles)</source>
        <translation>진행 중 (모든 프로필)</translation>
    </message>
    <message>
        <source>In flight (%1)</source>
        <translation>진행 중 (%1)</translation>
    </message>
</context>
<context>
    <name>bs::ui::BudgetsDialog</name>
    <message>
        <source>Budgets</source>
        <translation>예산</translation>
    </message>
    <message>
        <source>Submissions are checked against these budgets before anything is sent: spent (ingested results of the current UTC period) plus in flight (the worst case of batches not yet ingested) plus the file may not pass the limit. Every change is logged in the ledger.</source>
        <translation>제출은 무엇이든 보내기 전에 이 예산들과 비교됩니다. 사용액(현재 UTC 기간에 수집된 결과) + 진행 중(아직 수집되지 않은 배치의 최악의 경우) + 파일이 한도를 넘으면 안 됩니다. 모든 변경은 원장에 기록됩니다.</translation>
    </message>
    <message>
        <source>Add or change a budget</source>
        <translation>예산 추가 또는 변경</translation>
    </message>
    <message>
        <source>e.g. daily-usd</source>
        <translation>예: daily-usd</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>US dollars</source>
        <translation>미국 달러</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>입력 토큰</translation>
    </message>
    <message>
        <source>&amp;Limits:</source>
        <translation>제한 대상(&amp;L):</translation>
    </message>
    <message>
        <source>Per UTC day</source>
        <translation>UTC 하루마다</translation>
    </message>
    <message>
        <source>Per UTC month</source>
        <translation>UTC 한 달마다</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>기간(&amp;P):</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>모든 모델</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>모델(&amp;M):</translation>
    </message>
    <message>
        <source>e.g. 25 or 12.50 (USD), 1000000 (tokens)</source>
        <translation>예: 25 또는 12.50 (USD), 1000000 (토큰)</translation>
    </message>
    <message>
        <source>L&amp;imit:</source>
        <translation>한도(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Save Budget</source>
        <translation>예산 저장(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove Selected</source>
        <translation>선택 항목 제거(&amp;R)</translation>
    </message>
    <message>
        <source>The budgets cannot be read: %1</source>
        <translation>예산을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Give the budget a name.</source>
        <translation>예산에 이름을 붙이세요.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount of US dollars: write e.g. 25 or 12.50 (at most six decimals, no sign).</source>
        <translation>&quot;%1&quot;은(는) 미국 달러 금액이 아닙니다. 예: 25 또는 12.50 (소수점 이하 최대 6자리, 부호 없이)으로 쓰세요.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of tokens (0 or more).</source>
        <translation>&quot;%1&quot;은(는) 토큰 수(0 이상)가 아닙니다.</translation>
    </message>
    <message>
        <source>Saved. The gate checks the next submission against it.</source>
        <translation>저장했습니다. 다음 제출부터 이 예산으로 검사합니다.</translation>
    </message>
    <message>
        <source>The budget was not changed: %1</source>
        <translation>예산이 바뀌지 않았습니다: %1</translation>
    </message>
    <message>
        <source>The budgets are global: the gate counts the batches of every profile. The last two columns show what the chosen profile&apos;s batches spent (each batch counted on the day it ended; a batch of several models only under the all-model budgets) and what its drafts hold in flight.</source>
        <translation>예산은 전역입니다: 게이트는 모든 프로필의 배치를 셉니다. 마지막 두 열은 선택한 프로필의 배치가 사용한 금액(각 배치는 끝난 날에 집계되며, 여러 모델의 배치는 모든 모델 예산에만 포함됨)과 그 초안이 진행 중으로 잡아 둔 금액을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>프로필:</translation>
    </message>
</context>
<context>
    <name>bs::ui::CalibrationBar</name>
    <message>
        <source>Ca&amp;librate with count_tokens</source>
        <translation>count_tokens로 보정(&amp;L)</translation>
    </message>
    <message>
        <source>Counts the input tokens of a few requests per model with the API&apos;s count_tokens (up to %1 each, spread through the file; nothing is created or billed) and scales the local estimate by what it says.</source>
        <translation>모델마다 몇 개의 요청(모델당 최대 %1개, 파일 전체에 고르게)의 입력 토큰을 API의 count_tokens로 세고(아무것도 만들지 않으며 과금되지 않음), 그 결과로 로컬 추정치를 조정합니다.</translation>
    </message>
    <message>
        <source>Input tokens are estimated locally (characters / 4).</source>
        <translation>입력 토큰은 로컬에서 추정합니다(문자 수 / 4).</translation>
    </message>
    <message>
        <source>Asking count_tokens for a sample of the requests…</source>
        <translation>요청 표본으로 count_tokens에 묻는 중…</translation>
    </message>
    <message>
        <source>The estimate stays local: count_tokens calibrated no model.</source>
        <translation>추정치는 로컬 값 그대로입니다: count_tokens가 보정한 모델이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Input tokens calibrated with count_tokens on %n sampled request(s).</source>
        <translation>
            <numerusform>표본 요청 %n개로 count_tokens를 사용해 입력 토큰을 보정했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::ui::ConsoleAlerts</name>
    <message>
        <source>&amp;Alert Log</source>
        <translation>알림 기록(&amp;A)</translation>
    </message>
</context>
<context>
    <name>bs::ui::EstimateTableModel</name>
    <message>
        <source>unpriced</source>
        <translation>가격 없음</translation>
    </message>
    <message>
        <source>Input, plus output at the share of max_tokens that %1 has used in this ledger&apos;s results so far (all of it when there is no history yet).</source>
        <translation>입력에, %1이(가) 지금까지 이 원장의 결과에서 사용한 max_tokens 비율만큼의 출력을 더한 값입니다(기록이 없으면 전부).</translation>
    </message>
    <message>
        <source>Every request&apos;s input, plus max_tokens of output, at the batch price of %1: the most this file can cost.</source>
        <translation>모든 요청의 입력과 max_tokens만큼의 출력을 %1의 배치 가격으로 계산한 값: 이 파일의 최대 비용입니다.</translation>
    </message>
    <message>
        <source>%1 is not in the price table: its cost cannot be estimated or held against a budget. Add its price to your price file, or use a priced model.</source>
        <translation>%1은(는) 가격표에 없습니다: 비용을 추정하거나 예산에 반영할 수 없습니다. 가격 파일에 가격을 추가하거나 가격이 있는 모델을 사용하세요.</translation>
    </message>
    <message>
        <source>A local estimate: about one token per four characters of params.</source>
        <translation>로컬 추정치: params 네 글자당 약 한 토큰입니다.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>입력 토큰</translation>
    </message>
    <message>
        <source>Output at most</source>
        <translation>최대 출력</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>예상</translation>
    </message>
    <message>
        <source>Worst case</source>
        <translation>최악의 경우</translation>
    </message>
</context>
<context>
    <name>bs::ui::ItemTableModel</name>
    <message>
        <source>unpriced</source>
        <translation>가격 없음</translation>
    </message>
    <message>
        <source>custom_id</source>
        <translation>custom_id</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>입력 토큰</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>출력 토큰</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>Error type</source>
        <translation>오류 유형</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>오류 메시지</translation>
    </message>
</context>
<context>
    <name>bs::ui::ItemText</name>
    <message>
        <source>%1, stop reason %2, %3 input / %4 output tokens</source>
        <translation>%1, 중지 이유 %2, 입력 %3 / 출력 %4 토큰</translation>
    </message>
    <message>
        <source>The result line was not stored (ingested before Batchscope kept results as received); rebuilt from the stored fields, without the message content:</source>
        <translation>결과 줄이 저장되지 않았습니다(Batchscope가 받은 그대로 결과를 보관하기 전에 수집됨). 저장된 필드로 다시 만든 것이며 메시지 내용은 없습니다:</translation>
    </message>
    <message>
        <source>The stored line is not JSON (%1):</source>
        <translation>저장된 줄이 JSON이 아닙니다(%1):</translation>
    </message>
    <message>
        <source>(The message has no content.)</source>
        <translation>(메시지에 내용이 없습니다.)</translation>
    </message>
    <message>
        <source>[%1 %2] input: %3</source>
        <translation>[%1 %2] 입력: %3</translation>
    </message>
    <message>
        <source>[thinking] %1</source>
        <translation>[생각] %1</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
</context>
<context>
    <name>bs::ui::ItemsPanel</name>
    <message>
        <source>All results</source>
        <translation>모든 결과</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>성공</translation>
    </message>
    <message>
        <source>Errored</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>만료됨</translation>
    </message>
    <message>
        <source>Search custom_id</source>
        <translation>custom_id 검색</translation>
    </message>
    <message>
        <source>Any error class</source>
        <translation>모든 오류 분류</translation>
    </message>
    <message>
        <source>Search error message</source>
        <translation>오류 메시지 검색</translation>
    </message>
    <message>
        <source>Select an item to see its message text or error.</source>
        <translation>항목을 선택하면 메시지 본문이나 오류가 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>bs::ui::KeyPanel</name>
    <message>
        <source>Stored key:</source>
        <translation>저장된 키:</translation>
    </message>
    <message>
        <source>Paste a new key here</source>
        <translation>새 키를 여기에 붙여 넣으세요</translation>
    </message>
    <message>
        <source>New key:</source>
        <translation>새 키:</translation>
    </message>
    <message>
        <source>&amp;Store Key</source>
        <translation>키 저장(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Test Key</source>
        <translation>키 테스트(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Remove Key</source>
        <translation>키 제거(&amp;R)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>A key is stored for the profile &quot;%1&quot;.</source>
        <translation>프로필 &quot;%1&quot;에 키가 저장되어 있습니다.</translation>
    </message>
    <message>
        <source>No key is stored for the profile &quot;%1&quot;: paste one and store it.</source>
        <translation>프로필 &quot;%1&quot;에 저장된 키가 없습니다. 키를 붙여 넣고 저장하세요.</translation>
    </message>
    <message>
        <source>ANTHROPIC_API_KEY is set: this session uses it instead of the stored key.</source>
        <translation>ANTHROPIC_API_KEY가 설정되어 있어 이 세션은 저장된 키 대신 그것을 사용합니다.</translation>
    </message>
    <message>
        <source>Paste the key into &quot;New key&quot; first.</source>
        <translation>먼저 &quot;새 키&quot;에 키를 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>The base URL cannot be used: %1</source>
        <translation>기본 URL을 사용할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>No key is stored for this profile: store one, then test it.</source>
        <translation>이 프로필에 저장된 키가 없습니다. 키를 저장한 다음 테스트하세요.</translation>
    </message>
    <message>
        <source>The key works: %1 answered the list call.</source>
        <translation>키가 작동합니다: %1이(가) 목록 호출에 응답했습니다.</translation>
    </message>
    <message>
        <source>The key was refused (HTTP 401): it is wrong, revoked or of another organization. Store the right key for this profile.</source>
        <translation>키가 거부되었습니다(HTTP 401). 잘못되었거나 폐기되었거나 다른 조직의 키입니다. 이 프로필에 맞는 키를 저장하세요.</translation>
    </message>
    <message>
        <source>The key could not be tested: %1</source>
        <translation>키를 테스트할 수 없었습니다: %1</translation>
    </message>
</context>
<context>
    <name>bs::ui::MainWindow</name>
    <message>
        <source>Batchscope</source>
        <translation>Batchscope</translation>
    </message>
    <message>
        <source>Drop a JSONL file here to start</source>
        <translation>시작하려면 JSONL 파일을 여기에 끌어다 놓으세요</translation>
    </message>
    <message>
        <source>Or choose File → Open JSONL… (%1).</source>
        <translation>또는 파일 → JSONL 열기…를 선택하세요 (%1).</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open JSONL…</source>
        <translation>JSONL 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Batchscope</source>
        <translation>Batchscope 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Open JSONL file</source>
        <translation>JSONL 파일 열기</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.ndjson *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>지금 새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>%1 감시 중</translation>
    </message>
    <message>
        <source>Not watching</source>
        <translation>감시 안 함</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>새로 고치는 중…</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation>
            <numerusform>배치 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in progress</source>
        <translation>
            <numerusform>%n개 진행 중</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n awaiting results</source>
        <translation>
            <numerusform>%n개 결과 대기</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s)</source>
        <translation>
            <numerusform>실패 항목 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>spent %1</source>
        <translation>지출 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unpriced result(s)</source>
        <translation>
            <numerusform>가격 미정 결과 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not refresh the batches: %1</source>
        <translation>배치를 새로 고칠 수 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>Results of %1 stored: %n line(s), %2.</source>
        <translation>
            <numerusform>%1의 결과를 저장했습니다: %n줄, %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 검사 중…</translation>
    </message>
    <message>
        <source>All batches</source>
        <translation>모든 배치</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>확인 필요</translation>
    </message>
    <message>
        <source>Needs attention: errored or expired items, unpriced results, or results not ingested yet.</source>
        <translation>확인 필요: 오류나 만료된 항목, 가격이 없는 결과, 아직 수집하지 않은 결과가 있는 배치입니다.</translation>
    </message>
    <message>
        <source>Filter by batch id or source file (Ctrl+F)</source>
        <translation>배치 ID나 원본 파일로 거르기(Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>열(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Copy Batch ID</source>
        <translation>배치 ID 복사(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n batch ID(s).</source>
        <translation>
            <numerusform>배치 ID %n개를 복사했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Watching %1 · last poll %2 · next %3</source>
        <translation>%1 감시 중 · 마지막 폴링 %2 · 다음 %3</translation>
    </message>
    <message>
        <source>last poll failed</source>
        <translation>마지막 폴링 실패</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 후</translation>
    </message>
    <message>
        <source>One request per line: {&quot;custom_id&quot;: …, &quot;params&quot;: {…}}. Batchscope checks every line, shows how the file will be split to fit the API limits, what it will cost per model and what it adds to your budgets, before anything is sent.</source>
        <translation>한 줄에 요청 하나: {&quot;custom_id&quot;: …, &quot;params&quot;: {…}}. Batchscope는 무엇이든 보내기 전에 모든 줄을 검사하고, API 한도에 맞게 파일을 어떻게 나눌지, 모델별 비용이 얼마인지, 예산에 얼마가 더해지는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Re&amp;conciliation…</source>
        <translation>대조(&amp;C)…</translation>
    </message>
    <message>
        <source>Gone or deleted</source>
        <translation>사라짐 또는 삭제됨</translation>
    </message>
</context>
<context>
    <name>bs::ui::PlanTableModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
</context>
<context>
    <name>bs::ui::PriceDiffModel</name>
    <message>
        <source>Added</source>
        <translation>추가됨</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>제거됨</translation>
    </message>
    <message>
        <source>Dated prices changed</source>
        <translation>기간별 가격 변경</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>변경됨</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Cache write 5m</source>
        <translation>캐시 쓰기 5분</translation>
    </message>
    <message>
        <source>Cache write 1h</source>
        <translation>캐시 쓰기 1시간</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>캐시 읽기</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
</context>
<context>
    <name>bs::ui::PriceTablePanel</name>
    <message>
        <source>Prices come from the built-in table, overridden by %1 when it exists. Choose a file in the same format (resources/pricing.json): its models replace or add to the built-in ones.</source>
        <translation>가격은 내장 가격표에서 오며, %1 파일이 있으면 그것이 우선합니다. 같은 형식(resources/pricing.json)의 파일을 고르세요. 그 파일의 모델이 내장 모델을 대체하거나 추가됩니다.</translation>
    </message>
    <message>
        <source>&amp;Choose File…</source>
        <translation>파일 선택(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Apply This Table</source>
        <translation>이 가격표 적용(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reprice Unpriced Results</source>
        <translation>가격 없는 결과 재계산(&amp;R)</translation>
    </message>
    <message>
        <source>Choose a Price Table</source>
        <translation>가격표 선택</translation>
    </message>
    <message>
        <source>Price tables (*.json);;All files (*)</source>
        <translation>가격표 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>This price table was not applied: %1</source>
        <translation>이 가격표는 적용되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>%1 is valid and prices every model as the table in use does.</source>
        <translation>%1은(는) 올바르며 모든 모델의 가격이 현재 가격표와 같습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is valid. It changes the prices of %n model(s) (below); Apply to use it.</source>
        <translation>
            <numerusform>%1은(는) 올바릅니다. 모델 %n개의 가격이 바뀝니다(아래). 사용하려면 적용하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 검사 중…</translation>
    </message>
    <message>
        <source>Applied: new results are priced with this table. Results stored as unpriced can be repriced now.</source>
        <translation>적용했습니다. 새 결과는 이 가격표로 계산됩니다. 가격 없이 저장된 결과는 이제 재계산할 수 있습니다.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Nothing to reprice: no unpriced result has a price now.</source>
        <translation>재계산할 것이 없습니다. 지금 가격이 있는 가격 없는 결과가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Repriced %n result(s), adding %1.</source>
        <translation>
            <numerusform>결과 %n개의 가격을 다시 계산해 %1을(를) 더했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) are still unpriced: the table does not know their model.</source>
        <translation>
            <numerusform>결과 %n개는 여전히 가격이 없습니다. 가격표가 그 모델을 모릅니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::ui::ProblemPanel</name>
    <message>
        <source>Select a problem to see its line.</source>
        <translation>문제를 선택하면 해당 줄을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>This is about the file as a whole.</source>
        <translation>파일 전체에 관한 문제입니다.</translation>
    </message>
    <message>
        <source>Line %1, column %2:</source>
        <translation>%1번째 줄, %2번째 열:</translation>
    </message>
    <message>
        <source>Line %1:</source>
        <translation>%1번째 줄:</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <source>The line cannot be read: %1</source>
        <translation>줄을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The file has changed since it was checked: the line is not there any more. Check the file again.</source>
        <translation>검사한 뒤 파일이 바뀌었습니다: 그 줄이 더 이상 없습니다. 파일을 다시 검사하세요.</translation>
    </message>
    <message>
        <source>(a line of %1: characters %2 to %3 are shown)</source>
        <translation>(%1 길이의 줄: %2~%3번째 문자를 표시)</translation>
    </message>
</context>
<context>
    <name>bs::ui::ProblemTableModel</name>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>필드</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
</context>
<context>
    <name>bs::ui::ProfileBox</name>
    <message>
        <source>All profiles</source>
        <translation>모든 프로필</translation>
    </message>
</context>
<context>
    <name>bs::ui::ReconcileTableModel</name>
    <message>
        <source>Web search</source>
        <translation>웹 검색</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n unpriced)</source>
        <translation>
            <numerusform>%1 (가격 없음 %n건)</numerusform>
        </translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>차이 있음</translation>
    </message>
    <message>
        <source>Agrees</source>
        <translation>일치</translation>
    </message>
    <message>
        <source>The ledger and Anthropic differ by more than 1 % (and at least $0.001), or the ledger holds results it could not price. Check the price table.</source>
        <translation>원장과 Anthropic의 차이가 1 %를 넘거나($0.001 이상), 원장에 가격을 매기지 못한 결과가 있습니다. 가격표를 확인하세요.</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>날짜(UTC)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>원장</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>차이</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>bs::ui::ReconciliationDialog</name>
    <message>
        <source>Reconciliation with Anthropic</source>
        <translation>Anthropic 청구액과 대조</translation>
    </message>
    <message>
        <source>&amp;Reconcile</source>
        <translation>대조(&amp;R)</translation>
    </message>
    <message>
        <source>From (UTC):</source>
        <translation>시작(UTC):</translation>
    </message>
    <message>
        <source>Fetching Anthropic&apos;s cost report…</source>
        <translation>Anthropic 비용 보고서를 가져오는 중…</translation>
    </message>
    <message>
        <source>Nothing to compare: no batch spend in this period.</source>
        <translation>대조할 것이 없습니다: 이 기간에는 배치 지출이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) differ by more than 1 %: check the price table.</source>
        <translation>
            <numerusform>%n개 행이 1 % 넘게 다릅니다: 가격표를 확인하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ledger and Anthropic agree on every row.</source>
        <translation>모든 행에서 원장과 Anthropic이 일치합니다.</translation>
    </message>
</context>
<context>
    <name>bs::ui::RetryDialog</name>
    <message>
        <source>Retry Errored Items</source>
        <translation>실패 항목 재시도</translation>
    </message>
    <message numerus="yes">
        <source>Batch %1 has %n item(s) waiting to be retried. The checked classes are re-sent as a new batch with the params stored when they were first sent; this is billed like any batch.</source>
        <translation>
            <numerusform>배치 %1에 재시도를 기다리는 항목이 %n개 있습니다. 선택한 분류는 처음 보낼 때 저장한 매개변수로 새 배치가 되어 다시 보내지며, 다른 배치와 똑같이 요금이 부과됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 item(s)</source>
        <translation>%1 — 항목 %2개</translation>
    </message>
    <message numerus="yes">
        <source>Re-send %n item(s)</source>
        <translation>
            <numerusform>항목 %n개 다시 보내기</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::ui::SettingsActions</name>
    <message>
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Budgets…</source>
        <translation>예산(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경설정(&amp;P)…</translation>
    </message>
    <message>
        <source>Show the batches of one profile (workspace) only.</source>
        <translation>한 프로필(워크스페이스)의 배치만 표시합니다.</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>모든 프로필</translation>
    </message>
</context>
<context>
    <name>bs::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Profiles (workspaces)</source>
        <translation>프로필 (워크스페이스)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>추가(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>제거(&amp;M)</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>프로필:</translation>
    </message>
    <message>
        <source>empty: $ANTHROPIC_BASE_URL, else %1</source>
        <translation>비우면: $ANTHROPIC_BASE_URL, 없으면 %1</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>기본 URL(&amp;B):</translation>
    </message>
    <message>
        <source>https, or plain http to this machine only (127.0.0.1, localhost).</source>
        <translation>https, 또는 이 컴퓨터(127.0.0.1, localhost)에 한해 일반 http.</translation>
    </message>
    <message>
        <source>The console &amp;uses:</source>
        <translation>콘솔이 사용할 프로필(&amp;U):</translation>
    </message>
    <message>
        <source>New batches are recorded under this profile. A change applies when Batchscope is started again.</source>
        <translation>새 배치는 이 프로필로 기록됩니다. 변경은 Batchscope를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>API key of the profile (kept in the system keychain only)</source>
        <translation>프로필의 API 키 (시스템 키체인에만 보관)</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Poll at most every:</source>
        <translation>최소 폴링 간격:</translation>
    </message>
    <message>
        <source>Poll at least every:</source>
        <translation>최대 폴링 간격:</translation>
    </message>
    <message>
        <source>The console polls quickly while a batch is young and slowly when nothing is in flight, within these bounds.</source>
        <translation>콘솔은 이 범위 안에서, 배치가 막 만들어졌을 때는 자주, 진행 중인 것이 없을 때는 드물게 폴링합니다.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>The poll bounds and the language apply when Batchscope is started again.</source>
        <translation>폴링 범위와 언어는 Batchscope를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; exists already.</source>
        <translation>&quot;%1&quot;(이)라는 프로필이 이미 있습니다.</translation>
    </message>
    <message>
        <source>New Profile</source>
        <translation>새 프로필</translation>
    </message>
    <message>
        <source>Name of the new profile (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;):</source>
        <translation>새 프로필의 이름 (영문자, 숫자, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;):</translation>
    </message>
    <message>
        <source>The profile &quot;default&quot; cannot be removed.</source>
        <translation>프로필 &quot;default&quot;는 제거할 수 없습니다.</translation>
    </message>
    <message>
        <source>The base URL of the profile &quot;%1&quot; cannot be used: %2</source>
        <translation>프로필 &quot;%1&quot;의 기본 URL을 사용할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The quickest poll interval (%1 s) is longer than the slowest (%2 s).</source>
        <translation>최소 폴링 간격(%1초)이 최대 간격(%2초)보다 깁니다.</translation>
    </message>
    <message>
        <source>Alerts &amp;&amp; metrics</source>
        <translation>알림 및 지표</translation>
    </message>
</context>
<context>
    <name>bs::ui::SpendChartModel</name>
    <message>
        <source>Day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>지출</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>예산</translation>
    </message>
    <message>
        <source>Worst case in flight</source>
        <translation>진행 중 최악의 경우</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Cache write 5m</source>
        <translation>캐시 쓰기 5분</translation>
    </message>
    <message>
        <source>Cache write 1h</source>
        <translation>캐시 쓰기 1시간</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>캐시 읽기</translation>
    </message>
    <message>
        <source>P50</source>
        <translation>P50</translation>
    </message>
    <message>
        <source>P95</source>
        <translation>P95</translation>
    </message>
    <message>
        <source>24 h limit</source>
        <translation>24시간 한도</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1시간</translation>
    </message>
    <message>
        <source>In flight (worst case): %1</source>
        <translation>진행 중 (최악의 경우): %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Spent this day: %1</source>
        <translation>이날 지출: %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>합계: %1</translation>
    </message>
    <message>
        <source>Saved by the batch discount: %1</source>
        <translation>배치 할인으로 절약: %1</translation>
    </message>
    <message>
        <source>Saved by cache reads: %1</source>
        <translation>캐시 읽기로 절약: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) ended</source>
        <translation>
            <numerusform>배치 %n개 종료</numerusform>
        </translation>
    </message>
    <message>
        <source>Several models</source>
        <translation>여러 모델</translation>
    </message>
</context>
<context>
    <name>bs::ui::SpendDashboard</name>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>이번 달</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>사용자 지정 기간</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>기간:</translation>
    </message>
    <message>
        <source>Cumulative spend (USD)</source>
        <translation>누적 지출 (USD)</translation>
    </message>
    <message>
        <source>Daily spend by model (USD)</source>
        <translation>모델별 일일 지출 (USD)</translation>
    </message>
    <message>
        <source>Tokens by class</source>
        <translation>종류별 토큰</translation>
    </message>
    <message>
        <source>Batch processing time (hours)</source>
        <translation>배치 처리 시간 (시간)</translation>
    </message>
    <message>
        <source>No spend yet</source>
        <translation>아직 지출이 없습니다</translation>
    </message>
    <message>
        <source>Once batches end and their results are stored, this page shows the cumulative spend against your budget with the worst case of what is still in flight, the daily spend of each model, the tokens of each class with what the batch discount and cache reads saved, and how long batches took against the 24-hour limit.</source>
        <translation>배치가 끝나고 결과가 저장되면 이 화면에 예산 대비 누적 지출과 아직 진행 중인 작업의 최악의 경우, 모델별 일일 지출, 배치 할인과 캐시 읽기로 절약한 금액과 함께 종류별 토큰, 그리고 24시간 한도 대비 배치 처리 시간이 표시됩니다.</translation>
    </message>
    <message>
        <source>To get data, drop a JSONL request file on the window (or File → Open JSONL…) and submit it, or run &lt;tt&gt;batchscope-cli submit FILE&lt;/tt&gt;; results are read in as each batch ends.</source>
        <translation>데이터를 얻으려면 JSONL 요청 파일을 창에 끌어다 놓고(또는 파일 → JSONL 열기…) 제출하거나, &lt;tt&gt;batchscope-cli submit FILE&lt;/tt&gt;을 실행하세요. 각 배치가 끝나면 결과를 읽어 들입니다.</translation>
    </message>
    <message>
        <source>Could not read the spend: %1</source>
        <translation>지출을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Spent %1</source>
        <translation>지출 %1</translation>
    </message>
    <message>
        <source>in flight at worst %1</source>
        <translation>진행 중 최대 %1</translation>
    </message>
    <message>
        <source>batch discount saved %1 (%2 %)</source>
        <translation>배치 할인 절약 %1 (%2 %)</translation>
    </message>
    <message>
        <source>cache reads saved %1 (%2 %)</source>
        <translation>캐시 읽기 절약 %1 (%2 %)</translation>
    </message>
    <message numerus="yes">
        <source>%n unpriced result(s) not counted</source>
        <translation>
            <numerusform>가격 없는 결과 %n개 제외</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the spend of one profile (workspace) only. For one profile the figures come from the totals of its batches, each counted on the day the batch ended; a batch of several models shows as &quot;several models&quot;. All profiles: the spend of each result&apos;s day, per model.</source>
        <translation>한 프로필(작업 공간)의 사용액만 표시합니다. 한 프로필의 수치는 그 배치들의 합계에서 오며, 각 배치는 끝난 날에 집계됩니다. 여러 모델의 배치는 &quot;여러 모델&quot;로 표시됩니다. 모든 프로필: 각 결과의 날짜별, 모델별 사용액.</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>프로필:</translation>
    </message>
</context>
<context>
    <name>bs::ui::SpendDock</name>
    <message>
        <source>Spend</source>
        <translation>지출</translation>
    </message>
    <message>
        <source>&amp;Spend Dashboard</source>
        <translation>지출 대시보드(&amp;S)</translation>
    </message>
</context>
<context>
    <name>bs::ui::SubmitDialog</name>
    <message>
        <source>Submit %1</source>
        <translation>%1 제출</translation>
    </message>
    <message>
        <source>It cannot be sent from here: %1</source>
        <translation>여기서는 보낼 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <source>%p% read</source>
        <translation>%p% 읽음</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>Stop reading the file (nothing is sent).</source>
        <translation>파일 읽기를 멈춥니다(아무것도 보내지 않음).</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>추정</translation>
    </message>
    <message>
        <source>Split plan</source>
        <translation>분할 계획</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>예산</translation>
    </message>
    <message>
        <source>&amp;Copy Report</source>
        <translation>보고서 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>제출(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Override…</source>
        <translation>무시하고 진행(&amp;O)…</translation>
    </message>
    <message>
        <source>Send it although a budget would be passed: you type why, and the ledger records it with your name and the time.</source>
        <translation>예산을 넘더라도 보냅니다: 이유를 입력하면 원장에 이름, 시각과 함께 기록됩니다.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>멈추는 중…</translation>
    </message>
    <message>
        <source>%1: the check was stopped; nothing was sent. The problems found so far are listed.</source>
        <translation>%1: 검사를 멈췄습니다. 아무것도 보내지 않았습니다. 지금까지 찾은 문제를 보여 줍니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n error(s). Nothing can be sent until they are fixed.</source>
        <translation>
            <numerusform>%1: 오류 %n개. 고치기 전에는 아무것도 보낼 수 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no request to send.</source>
        <translation>%1: 보낼 요청이 없습니다.</translation>
    </message>
    <message>
        <source>Not split: the file cannot be sent as it is.</source>
        <translation>나누지 않음: 이 파일은 그대로 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Fix the lines listed, save the file and drop it here again.</source>
        <translation>표시된 줄을 고치고 저장한 뒤 다시 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>The first %1 problems are listed.</source>
        <translation>처음 %1개 문제를 보여 줍니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s), no problems found.</source>
        <translation>
            <numerusform>%1: 요청 %n개, 문제 없음.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s), no errors; read the warnings and notes listed.</source>
        <translation>
            <numerusform>%1: 요청 %n개, 오류 없음. 표시된 경고와 참고를 읽어 보세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will be sent as %n batch(es), in file order.</source>
        <translation>
            <numerusform>파일 순서대로 배치 %n개로 보냅니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send despite %n warning(s)</source>
        <translation>
            <numerusform>경고 %n개가 있어도 보내기</numerusform>
        </translation>
    </message>
    <message>
        <source>The ledger could not be read, so custom_ids already used were not checked: %1</source>
        <translation>원장을 읽을 수 없어 이미 사용된 custom_id를 검사하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>To send it: batchscope-cli submit &quot;%1&quot;</source>
        <translation>보내려면: batchscope-cli submit &quot;%1&quot;</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>일별</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>월별</translation>
    </message>
    <message>
        <source>in total</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>all models</source>
        <translation>모든 모델</translation>
    </message>
    <message>
        <source>A budget blocks this file: %1. Nothing is sent unless you override it with a reason (recorded in the ledger).</source>
        <translation>예산이 이 파일을 막습니다: %1. 이유를 적어 무시하고 진행하지 않으면 아무것도 보내지 않습니다(원장에 기록됨).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Override the budget</source>
        <translation>예산 무시하고 진행</translation>
    </message>
    <message>
        <source>This file would pass a budget. Why must it be sent anyway? The reason is recorded in the ledger with your name and the time.</source>
        <translation>이 파일은 예산을 넘습니다. 그래도 보내야 하는 이유는 무엇입니까? 이유는 이름, 시각과 함께 원장에 기록됩니다.</translation>
    </message>
    <message>
        <source>An override needs a reason: nothing was sent. Press Override… again and say why the file must pass the budget.</source>
        <translation>무시하고 진행하려면 이유가 필요합니다: 아무것도 보내지 않았습니다. 다시 ‘무시하고 진행…’을 누르고 이 파일이 예산을 넘어야 하는 이유를 적으세요.</translation>
    </message>
    <message>
        <source>Reading the file again and storing every request in the ledger…</source>
        <translation>파일을 다시 읽고 모든 요청을 원장에 저장하는 중…</translation>
    </message>
    <message>
        <source>Reading %p%</source>
        <translation>읽는 중 %p%</translation>
    </message>
    <message>
        <source>Storing %p%</source>
        <translation>저장 중 %p%</translation>
    </message>
    <message>
        <source>Storing every request in the ledger before anything is sent…</source>
        <translation>보내기 전에 모든 요청을 원장에 저장하는 중…</translation>
    </message>
    <message>
        <source>Uploading %p%</source>
        <translation>업로드 중 %p%</translation>
    </message>
    <message>
        <source>Uploading to the API. Cancel stops what is not created yet.</source>
        <translation>API로 업로드하는 중입니다. 취소하면 아직 생성되지 않은 것을 멈춥니다.</translation>
    </message>
    <message numerus="yes">
        <source>Sent as %n batch(es).</source>
        <translation>
            <numerusform>배치 %n개로 보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Created: %1. They are in the table; the console watches them and stores their results and cost when they end.</source>
        <translation>생성됨: %1. 표에 있으며, 콘솔이 감시하다가 끝나면 결과와 비용을 저장합니다.</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>보내기를 취소했습니다.</translation>
    </message>
    <message>
        <source>Nothing was created; the stored requests were set aside.</source>
        <translation>아무것도 생성되지 않았습니다. 저장된 요청은 따로 보관했습니다.</translation>
    </message>
    <message>
        <source>Created before the cancel: %1. The rest was not sent.</source>
        <translation>취소 전에 생성됨: %1. 나머지는 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>The file was not sent.</source>
        <translation>파일을 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Created before the failure: %1.</source>
        <translation>실패 전에 생성됨: %1.</translation>
    </message>
    <message>
        <source>The last create may have reached the server: the console matches it against the server&apos;s list of batches before anything is sent again, so do not send the file again until it shows in the table or is set aside.</source>
        <translation>마지막 생성 요청이 서버에 닿았을 수 있습니다: 콘솔이 무엇이든 다시 보내기 전에 서버의 배치 목록과 맞춰 보므로, 표에 나타나거나 따로 보관될 때까지 파일을 다시 보내지 마세요.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>Uploading batch %1 of %2: %p%</source>
        <translation>배치 %2개 중 %1번째 업로드 중: %p%</translation>
    </message>
    <message>
        <source>Stop sending: what is not created yet is not sent (a create whose body was sent whole is reconciled with the server&apos;s list).</source>
        <translation>전송 중지: 아직 만들어지지 않은 것은 보내지 않습니다(본문을 모두 보낸 생성 요청은 서버 목록과 대조해 정리합니다).</translation>
    </message>
</context>
<context>
    <name>bs::ui::TrayPresenter</name>
    <message>
        <source>Show Batchscope</source>
        <translation>Batchscope 보이기</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>&amp;Keep Running in the Tray</source>
        <translation>트레이에서 계속 실행(&amp;K)</translation>
    </message>
    <message>
        <source>Closing the window keeps Batchscope watching in the system tray.</source>
        <translation>창을 닫아도 Batchscope가 시스템 트레이에서 계속 감시합니다.</translation>
    </message>
    <message>
        <source>No system tray on this desktop.</source>
        <translation>이 데스크톱에는 시스템 트레이가 없습니다.</translation>
    </message>
    <message>
        <source>Batchscope</source>
        <translation>Batchscope</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) in flight</source>
        <translation>
            <numerusform>진행 중인 배치 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s)</source>
        <translation>
            <numerusform>실패한 항목 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Budget &quot;%1&quot;: %2 % used</source>
        <translation>예산 &quot;%1&quot;: %2 % 사용</translation>
    </message>
    <message>
        <source>No budget set</source>
        <translation>설정된 예산 없음</translation>
    </message>
    <message>
        <source>Batchscope keeps watching</source>
        <translation>Batchscope가 계속 감시합니다</translation>
    </message>
    <message>
        <source>The console runs on in the tray. Quit from its menu or with File → Quit.</source>
        <translation>콘솔은 트레이에서 계속 실행됩니다. 트레이 메뉴나 파일 → 끝내기로 끝내세요.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Batchscope console</source>
        <translation>Batchscope 콘솔</translation>
    </message>
    <message>
        <source>Batchscope</source>
        <translation>Batchscope</translation>
    </message>
    <message>
        <source>The ledger cannot be opened, so nothing can be shown or sent:
%1</source>
        <translation>원장을 열 수 없어 아무것도 표시하거나 보낼 수 없습니다:
%1</translation>
    </message>
</context>
</TS>
