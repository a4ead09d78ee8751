<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>bs::ui::AboutDialog</name>
    <message>
        <source>About Batchscope</source>
        <translation>Batchscope 정보</translation>
    </message>
    <message>
        <source>A desktop console for Anthropic's Message Batches API: validate, submit, watch, account and retry batch workloads.</source>
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
        <source>One request per line: {"custom_id": …, "params": {…}}. Batchscope checks every line, splits the file to fit the API limits and estimates the cost before anything is sent.</source>
        <translation>한 줄에 요청 하나: {"custom_id": …, "params": {…}}. Batchscope는 전송하기 전에 모든 줄을 검사하고, API 한도에 맞게 파일을 나누고, 비용을 추정합니다.</translation>
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
        <source>Selected %1</source>
        <translation>%1 선택됨</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Batchscope console</source>
        <translation>Batchscope 콘솔</translation>
    </message>
</context>
</TS>
