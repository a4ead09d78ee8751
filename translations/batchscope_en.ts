<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <source>One request per line: {&quot;custom_id&quot;: …, &quot;params&quot;: {…}}. Batchscope checks every line, splits the file to fit the API limits and estimates the cost before anything is sent.</source>
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
        <source>Selected %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Batchscope console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
