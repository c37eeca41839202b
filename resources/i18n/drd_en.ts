<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnalysisService</name>
    <message>
        <location filename="../../gui/analysis_service.py" line="74"/>
        <source>分析进程意外退出，请重试或报告此文件。</source>
        <translation>The analysis process stopped unexpectedly. Try again, or report this file.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../gui/actions.py" line="21"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="21"/>
        <source>导航</source>
        <translation>Navigate</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="22"/>
        <source>视图</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="22"/>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="24"/>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="25"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="26"/>
        <source>下一条问题</source>
        <translation>Next finding</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="27"/>
        <source>上一条问题</source>
        <translation>Previous finding</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="28"/>
        <source>本问题的下一处位置</source>
        <translation>Next location of this finding</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="29"/>
        <source>本问题的上一处位置</source>
        <translation>Previous location of this finding</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="30"/>
        <source>跳到问题所在位置（页面）</source>
        <translation>Go to the finding on the page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="31"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="32"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="33"/>
        <source>第一页</source>
        <translation>First page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="34"/>
        <source>最后一页</source>
        <translation>Last page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="35"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="36"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="37"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="38"/>
        <source>适合整页</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="39"/>
        <source>焦点：问题列表</source>
        <translation>Focus: findings</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="40"/>
        <source>焦点：页面</source>
        <translation>Focus: page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="41"/>
        <source>焦点：表格</source>
        <translation>Focus: table</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="42"/>
        <source>焦点：文字</source>
        <translation>Focus: text</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="43"/>
        <source>搜索问题</source>
        <translation>Search findings</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="44"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="45"/>
        <source>取消分析</source>
        <translation>Cancel analysis</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="46"/>
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../gui/errors.py" line="76"/>
        <source>程序发生意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="77"/>
        <source>发生了一个意外错误。您的审核记录已随时保存，不会丢失。
请复制下面的报告发给维护人员（日志在 {0}）。</source>
        <translation>An unexpected error occurred. Your review is saved as you work and is not lost.
Please copy the report below and send it to the maintainers (log in {0}).</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="83"/>
        <source>复制报告</source>
        <translation>Copy report</translation>
    </message>
</context>
<context>
    <name>DocumentBar</name>
    <message>
        <location filename="../../gui/doc_bar.py" line="24"/>
        <source>未打开文件：Ctrl+O 打开预决算公开 PDF，或把文件拖到窗口中</source>
        <translation>No file open: press Ctrl+O to open a disclosure PDF, or drop one on the window</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="29"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; · 正在分析：{1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; · analysing: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="37"/>
        <source>（未识别单位）</source>
        <translation>(entity not recognised)</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="38"/>
        <source>（未识别类型）</source>
        <translation>(kind not recognised)</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="41"/>
        <source>{0}年 {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="42"/>
        <source>{0}页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="43"/>
        <source>表格 {0} 张</source>
        <translation>{0} tables</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="44"/>
        <source>单位：{0}</source>
        <translation>unit: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="44"/>
        <source>未标明</source>
        <translation>not stated</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="47"/>
        <source>缺表：{0}</source>
        <translation>missing: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="52"/>
        <source>⚠ {0} 条文档提示</source>
        <translation>⚠ {0} document notes</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../gui/findings_model.py" line="59"/>
        <source>第{0}页</source>
        <translation>p. {0}</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../gui/findings_model.py" line="108"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="108"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="108"/>
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="109"/>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="109"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../gui/findings_panel.py" line="41"/>
        <source>搜索问题、规则、页码…（Ctrl+F）</source>
        <translation>Search findings, rules, pages… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../gui/findings_panel.py" line="65"/>
        <source>◀ 上一处</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../gui/findings_panel.py" line="66"/>
        <source>下一处 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../gui/findings_panel.py" line="89"/>
        <source>全部规则类别</source>
        <translation>All rule families</translation>
    </message>
    <message>
        <location filename="../../gui/findings_panel.py" line="90"/>
        <source>全部表格</source>
        <translation>All tables</translation>
    </message>
    <message>
        <location filename="../../gui/findings_panel.py" line="92"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../gui/findings_panel.py" line="181"/>
        <source>选择一条问题以查看其位置</source>
        <translation>Select a finding to see where it is</translation>
    </message>
    <message>
        <location filename="../../gui/findings_panel.py" line="181"/>
        <source>（无定位）</source>
        <translation>(no location)</translation>
    </message>
    <message>
        <location filename="../../gui/findings_panel.py" line="185"/>
        <source>位置 {0}/{1}：第{2}页{3}</source>
        <translation>Location {0}/{1}: p. {2}{3}</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../gui/help_dialog.py" line="13"/>
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialog.py" line="15"/>
        <source>类别</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialog.py" line="15"/>
        <source>操作</source>
        <translation>Command</translation>
    </message>
    <message>
        <location filename="../../gui/help_dialog.py" line="15"/>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="55"/>
        <source>表格</source>
        <translation>Tables</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="56"/>
        <source>说明文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="80"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="104"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="114"/>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="137"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="137"/>
        <source>找不到文件：{0}</source>
        <translation>File not found: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="144"/>
        <source>读取中</source>
        <translation>reading</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="151"/>
        <source>打开预决算公开文件</source>
        <translation>Open a disclosure file</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="152"/>
        <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="166"/>
        <location filename="../../gui/main_window.py" line="217"/>
        <source>第 {0} 页</source>
        <translation>Page {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="194"/>
        <source>&lt;b&gt;无法分析&lt;/b&gt;：{0}</source>
        <translation>&lt;b&gt;Cannot analyse&lt;/b&gt;: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="195"/>
        <source>分析出错</source>
        <translation>Analysis failed</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="195"/>
        <source>无法打开此文件</source>
        <translation>Cannot open this file</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="201"/>
        <source>分析已取消</source>
        <translation>Analysis cancelled</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="223"/>
        <source>第 {0} / {1} 页</source>
        <translation>Page {0} of {1}</translation>
    </message>
</context>
<context>
    <name>ParsedTableModel</name>
    <message>
        <location filename="../../gui/table_model.py" line="80"/>
        <source>栏</source>
        <translation>Side</translation>
    </message>
    <message>
        <location filename="../../gui/table_model.py" line="80"/>
        <source>科目编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../gui/table_model.py" line="80"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../gui/findings_model.py" line="25"/>
        <source>{0} 错误</source>
        <translation>{0} errors</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="26"/>
        <source>{0} 警告</source>
        <translation>{0} warnings</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="27"/>
        <source>{0} 提示</source>
        <translation>{0} notes</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="28"/>
        <source>{0} 需人工</source>
        <translation>{0} manual</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="33"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="34"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="35"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="36"/>
        <source>需人工</source>
        <translation>Manual</translation>
    </message>
</context>
<context>
    <name>TablesPanel</name>
    <message>
        <location filename="../../gui/tables_panel.py" line="76"/>
        <source>未识别到表格</source>
        <translation>No table recognised</translation>
    </message>
    <message>
        <location filename="../../gui/tables_panel.py" line="79"/>
        <source>第{0}页 · 单位：{1} · {2}行 · 置信度 {3:.0%}{4}</source>
        <translation>p. {0} · unit: {1} · {2} rows · confidence {3:.0%}{4}</translation>
    </message>
    <message>
        <location filename="../../gui/tables_panel.py" line="80"/>
        <source>未标明</source>
        <translation>not stated</translation>
    </message>
    <message>
        <location filename="../../gui/tables_panel.py" line="81"/>
        <source> · 空表</source>
        <translation> · empty table</translation>
    </message>
</context>
<context>
    <name>TextPanel</name>
    <message>
        <location filename="../../gui/text_panel.py" line="53"/>
        <source>（本页没有说明文字：可能全是表格，或是目录、封面）</source>
        <translation>(No narrative text on this page: tables only, or a contents or cover page)</translation>
    </message>
</context>
</TS>
