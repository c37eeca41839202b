<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnalysisService</name>
    <message>
        <location filename="../../gui/analysis_service.py" line="116"/>
        <source>分析进程意外退出，请重试或报告此文件。</source>
        <translation>The analysis process stopped unexpectedly. Try again, or report this file.</translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <location filename="../../gui/batch_model.py" line="27"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../gui/batch_model.py" line="27"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../gui/batch_model.py" line="28"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../gui/batch_model.py" line="28"/>
        <source>单位名称</source>
        <translation>Entity</translation>
    </message>
    <message>
        <location filename="../../gui/batch_model.py" line="29"/>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../gui/batch_model.py" line="29"/>
        <source>表格</source>
        <translation>Tables</translation>
    </message>
    <message>
        <location filename="../../gui/batch_model.py" line="30"/>
        <source>缺少表格</source>
        <translation>Missing tables</translation>
    </message>
    <message>
        <location filename="../../gui/batch_model.py" line="30"/>
        <source>用时（秒）</source>
        <translation>Time (s)</translation>
    </message>
    <message>
        <location filename="../../gui/batch_model.py" line="31"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../gui/batch_model.py" line="100"/>
        <source>等待中</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../gui/batch_model.py" line="108"/>
        <source>已检查</source>
        <translation>Checked</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../gui/batch_dialog.py" line="56"/>
        <location filename="../../gui/batch_dialog.py" line="112"/>
        <location filename="../../gui/batch_dialog.py" line="116"/>
        <source>批量检查</source>
        <translation>Batch check</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="61"/>
        <source>要检查的文件夹（含子文件夹）</source>
        <translation>Folder to check (with its subfolders)</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="62"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="67"/>
        <source>进程数 </source>
        <translation>Workers </translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="68"/>
        <source>开始检查</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="70"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="77"/>
        <source>选择文件夹后开始；每个文件都会列出，无法检查的文件注明原因。</source>
        <translation>Choose a folder, then start; every file is listed, and a file that cannot be checked says why.</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="87"/>
        <source>保存汇总表…</source>
        <translation>Save summary…</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="90"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="93"/>
        <source>回车或双击一行：在主窗口中打开该文档</source>
        <translation>Enter or double-click a row: open that document in the main window</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="105"/>
        <source>选择要检查的文件夹</source>
        <translation>Choose the folder to check</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="112"/>
        <source>找不到文件夹：{0}</source>
        <translation>Folder not found: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="116"/>
        <source>文件夹中没有文件：{0}</source>
        <translation>The folder holds no files: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="129"/>
        <source>正在检查 {0} 个文件…</source>
        <translation>Checking {0} files…</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="137"/>
        <source>已检查 {0} / {1}：{2}</source>
        <translation>Checked {0} / {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="143"/>
        <source>已停止。</source>
        <translation>Stopped. </translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="144"/>
        <source>共 {0} 个文件：已检查 {1} 个，无法检查 {2} 个，发现问题 {3} 条。</source>
        <translation>{0} files: {1} checked, {2} could not be checked, {3} findings.</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="155"/>
        <source>正在停止（正在检查的文件完成后停止）…</source>
        <translation>Stopping (after the files being checked now)…</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="163"/>
        <source>批量检查汇总.xlsx</source>
        <translation>batch-summary.xlsx</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="164"/>
        <location filename="../../gui/batch_dialog.py" line="174"/>
        <source>保存汇总表</source>
        <translation>Save summary</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="164"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/batch_dialog.py" line="176"/>
        <source>汇总表已保存：{0}</source>
        <translation>Summary saved: {0}</translation>
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
        <location filename="../../gui/actions.py" line="23"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="25"/>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="26"/>
        <source>导出审核结果（Excel、Word、PDF…）…</source>
        <translation>Export review results (Excel, Word, PDF…)…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="27"/>
        <source>批量检查…</source>
        <translation>Batch check…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="28"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="29"/>
        <source>下一条问题</source>
        <translation>Next finding</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="30"/>
        <source>上一条问题</source>
        <translation>Previous finding</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="31"/>
        <source>本问题的下一处位置</source>
        <translation>Next location of this finding</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="32"/>
        <source>本问题的上一处位置</source>
        <translation>Previous location of this finding</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="33"/>
        <source>跳到问题所在位置（页面）</source>
        <translation>Go to the finding on the page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="34"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="35"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="36"/>
        <source>第一页</source>
        <translation>First page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="37"/>
        <source>最后一页</source>
        <translation>Last page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="38"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="39"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="40"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="41"/>
        <source>适合整页</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="42"/>
        <source>焦点：问题列表</source>
        <translation>Focus: findings</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="43"/>
        <source>焦点：页面</source>
        <translation>Focus: page</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="44"/>
        <source>焦点：表格</source>
        <translation>Focus: table</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="45"/>
        <source>焦点：文字</source>
        <translation>Focus: text</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="46"/>
        <source>搜索问题</source>
        <translation>Search findings</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="47"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="48"/>
        <source>焦点：审核记录</source>
        <translation>Focus: review notes</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="49"/>
        <source>确认问题</source>
        <translation>Confirm finding</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="50"/>
        <source>排除问题（填写理由）</source>
        <translation>Dismiss finding (with a reason)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="51"/>
        <source>标记为需跟进</source>
        <translation>Mark for follow-up</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="52"/>
        <source>恢复为待处理</source>
        <translation>Reopen (back to open)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="53"/>
        <source>添加批注（当前问题、所选单元格或所选文字）</source>
        <translation>Add note (to the finding, selected cell or selected text)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="54"/>
        <source>框选页面区域添加批注</source>
        <translation>Draw a page region to annotate</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="55"/>
        <source>处理合并冲突…</source>
        <translation>Settle merge conflicts…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="56"/>
        <source>导出审核记录（交给同事）…</source>
        <translation>Export review for a colleague…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="57"/>
        <source>导入同事的审核记录…</source>
        <translation>Import a colleague&apos;s review…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="58"/>
        <source>更改审核人…</source>
        <translation>Change reviewer…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="59"/>
        <source>取消分析</source>
        <translation>Cancel analysis</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="60"/>
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../gui/errors.py" line="89"/>
        <source>程序发生意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="90"/>
        <source>发生了一个意外错误。您的审核记录已随时保存，不会丢失。
请复制下面的报告发给维护人员（日志在 {0}）。</source>
        <translation>An unexpected error occurred. Your review is saved as you work and is not lost.
Please copy the report below and send it to the maintainers (log in {0}).</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="96"/>
        <source>复制报告</source>
        <translation>Copy report</translation>
    </message>
</context>
<context>
    <name>DocumentBar</name>
    <message>
        <location filename="../../gui/doc_bar.py" line="27"/>
        <source>未打开文件：Ctrl+O 打开预决算公开 PDF，或把文件拖到窗口中</source>
        <translation>No file open: press Ctrl+O to open a disclosure PDF, or drop one on the window</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="32"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; · 正在分析：{1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; · analysing: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="40"/>
        <source>（未识别单位）</source>
        <translation>(entity not recognised)</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="44"/>
        <source>{0}年 {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="45"/>
        <source>{0}页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="46"/>
        <source>表格 {0} 张</source>
        <translation>{0} tables</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="47"/>
        <source>单位：{0}</source>
        <translation>unit: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="47"/>
        <source>未标明</source>
        <translation>not stated</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="50"/>
        <source>缺表：{0}</source>
        <translation>missing: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="54"/>
        <source>检查 {0} 条 · 不适用 {1} 条</source>
        <translation>{0} checks run · {1} not applicable</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="59"/>
        <source>不适用的检查：</source>
        <translation>Checks that did not apply:</translation>
    </message>
    <message>
        <location filename="../../gui/doc_bar.py" line="64"/>
        <source>⚠ {0} 条文档提示</source>
        <translation>⚠ {0} document notes</translation>
    </message>
</context>
<context>
    <name>ExportCommands</name>
    <message>
        <location filename="../../gui/export_commands.py" line="27"/>
        <source>请先打开并分析一份文档</source>
        <translation>Open and analyse a document first</translation>
    </message>
    <message>
        <location filename="../../gui/export_commands.py" line="38"/>
        <source>正在导出 {0} 个文件…</source>
        <translation>Exporting {0} file(s)…</translation>
    </message>
    <message>
        <location filename="../../gui/export_commands.py" line="42"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/export_commands.py" line="46"/>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location filename="../../gui/export_commands.py" line="49"/>
        <location filename="../../gui/export_commands.py" line="50"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/export_dialog.py" line="21"/>
        <source>Excel 工作簿（审核发现、批注、文档信息）</source>
        <translation>Excel workbook (findings, notes, document info)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="22"/>
        <source>Word 审核工作底稿</source>
        <translation>Word working paper</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="23"/>
        <source>带批注的 PDF（原文件加审核批注）</source>
        <translation>Annotated PDF (the original with review annotations)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="24"/>
        <source>CSV 表格（UTF-8，Excel 可直接打开）</source>
        <translation>CSV (UTF-8, opens directly in Excel)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="25"/>
        <source>JSON 数据</source>
        <translation>JSON data</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="38"/>
        <source>导出审核结果</source>
        <translation>Export review results</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="49"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="54"/>
        <source>{0}_审核</source>
        <translation>{0}_review</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="55"/>
        <source>不含已排除的问题</source>
        <translation>Leave out dismissed findings</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="58"/>
        <source>格式</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="59"/>
        <source>文件夹</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="60"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="72"/>
        <source>导出到文件夹</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="102"/>
        <source>文件已存在</source>
        <translation>File exists</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="101"/>
        <source>以下文件已存在，是否覆盖？
{0}</source>
        <translation>These files already exist. Overwrite them?
{0}</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../gui/findings_model.py" line="69"/>
        <source>第{0}页</source>
        <translation>p. {0}</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../gui/findings_model.py" line="126"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="126"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="126"/>
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="127"/>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="127"/>
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
        <location filename="../../gui/findings_panel.py" line="186"/>
        <source>选择一条问题以查看其位置</source>
        <translation>Select a finding to see where it is</translation>
    </message>
    <message>
        <location filename="../../gui/findings_panel.py" line="186"/>
        <source>（无定位）</source>
        <translation>(no location)</translation>
    </message>
    <message>
        <location filename="../../gui/findings_panel.py" line="190"/>
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
        <location filename="../../gui/main_window.py" line="58"/>
        <source>表格</source>
        <translation>Tables</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="59"/>
        <source>说明文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="61"/>
        <source>审核记录</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="89"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="115"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124"/>
        <source>新的审核记录保存在 PDF 旁（随文件复制）</source>
        <translation>Keep new reviews beside the PDF (they travel with it)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="132"/>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="155"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="155"/>
        <source>找不到文件：{0}</source>
        <translation>File not found: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="164"/>
        <source>读取中</source>
        <translation>reading</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="171"/>
        <source>打开预决算公开文件</source>
        <translation>Open a disclosure file</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="172"/>
        <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="186"/>
        <location filename="../../gui/main_window.py" line="244"/>
        <source>第 {0} 页</source>
        <translation>Page {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="221"/>
        <source>&lt;b&gt;无法分析&lt;/b&gt;：{0}</source>
        <translation>&lt;b&gt;Cannot analyse&lt;/b&gt;: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="222"/>
        <source>分析出错</source>
        <translation>Analysis failed</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="222"/>
        <source>无法打开此文件</source>
        <translation>Cannot open this file</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="228"/>
        <source>分析已取消</source>
        <translation>Analysis cancelled</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="250"/>
        <source>第 {0} / {1} 页</source>
        <translation>Page {0} of {1}</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <location filename="../../gui/notes_model.py" line="29"/>
        <source>问题批注</source>
        <translation>Finding note</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="29"/>
        <source>页面区域</source>
        <translation>Page region</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="30"/>
        <source>单元格</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="31"/>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="37"/>
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="39"/>
        <source>{0} 第{1}行 {2}</source>
        <translation>{0} row {1} {2}</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="40"/>
        <source>（第{0}页）</source>
        <translation> (page {0})</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="41"/>
        <source>第{0}页</source>
        <translation>Page {0}</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="83"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="83"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="84"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="84"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="85"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="110"/>
        <source>合并冲突</source>
        <translation>Merge conflict</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="108"/>
        <source>我：{0} · {1}：{2}</source>
        <translation>Me: {0} · {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="115"/>
        <source>孤立的处理意见</source>
        <translation>Orphaned decision</translation>
    </message>
    <message>
        <location filename="../../gui/notes_model.py" line="117"/>
        <source>孤立的批注</source>
        <translation>Orphaned note</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../gui/notes_panel.py" line="54"/>
        <source>转到</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../../gui/notes_panel.py" line="55"/>
        <source>编辑（F2）</source>
        <translation>Edit (F2)</translation>
    </message>
    <message>
        <location filename="../../gui/notes_panel.py" line="56"/>
        <source>删除（Del）</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <location filename="../../gui/notes_panel.py" line="57"/>
        <source>处理合并冲突…</source>
        <translation>Settle merge conflicts…</translation>
    </message>
</context>
<context>
    <name>ParsedTableModel</name>
    <message>
        <location filename="../../gui/table_model.py" line="94"/>
        <source>栏</source>
        <translation>Side</translation>
    </message>
    <message>
        <location filename="../../gui/table_model.py" line="94"/>
        <source>科目编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../gui/table_model.py" line="94"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../gui/review_controller.py" line="53"/>
        <source>有待处理的合并冲突：审核→处理合并冲突…</source>
        <translation>Merge conflicts are waiting: Review → Settle merge conflicts…</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="68"/>
        <source>已处理 {0} / {1}</source>
        <translation>Handled {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="74"/>
        <source> · 审核人：{0}</source>
        <translation> · reviewer: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="74"/>
        <source>（未设置）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="76"/>
        <source> · {0} 条孤立记录（其问题已不存在，仍予保留）</source>
        <translation> · {0} orphaned record(s) (their finding is gone; kept)</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="78"/>
        <source>审核记录保存在 {0}</source>
        <translation>Review stored in {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="81"/>
        <source>审核记录 ({0})</source>
        <translation>Review ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="103"/>
        <source>请先选择一条问题</source>
        <translation>Select a finding first</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="118"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="162"/>
        <source>{0} 第{1}行 {2}</source>
        <translation>{0} row {1} {2}</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="174"/>
        <source>在页面上拖出一个矩形以添加批注（Esc 取消）</source>
        <translation>Drag a rectangle on the page to annotate it (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="177"/>
        <source>第{0}页 所选区域</source>
        <translation>Page {0}, selected region</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="181"/>
        <source>添加批注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="181"/>
        <source>没有打开的文档</source>
        <translation>No document is open</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="206"/>
        <source>删除批注</source>
        <translation>Delete note</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="207"/>
        <source>删除这条批注？（它仍保留在审核日志中）
{0}</source>
        <translation>Delete this note? (It stays in the review&apos;s log.)
{0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="220"/>
        <source>该问题在本次分析中已不存在：{0}</source>
        <translation>This finding is no longer found in this analysis: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="233"/>
        <source>没有待处理的合并冲突</source>
        <translation>No merge conflicts are waiting</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="245"/>
        <source>导出审核记录</source>
        <translation>Export review</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="246"/>
        <location filename="../../gui/review_controller.py" line="256"/>
        <source>审核记录 (*.review)</source>
        <translation>Reviews (*.review)</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="250"/>
        <source>审核记录已导出：{0}</source>
        <translation>Review exported: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="255"/>
        <source>导入同事的审核记录</source>
        <translation>Import a colleague&apos;s review</translation>
    </message>
    <message>
        <location filename="../../gui/review_controller.py" line="264"/>
        <source>已导入 {0} 的 {1} 项操作：采用处理意见 {2} 条，新增批注 {3} 条，更新批注 {4} 条，冲突 {5} 条。</source>
        <translation>Imported {1} action(s) by {0}: {2} decision(s) taken, {3} note(s) added, {4} note(s) updated, {5} conflict(s).</translation>
    </message>
</context>
<context>
    <name>ReviewDialogs</name>
    <message>
        <location filename="../../gui/review_dialogs.py" line="24"/>
        <source>口径不同，不属于错误</source>
        <translation>Different basis of measurement, not an error</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="25"/>
        <source>已与单位核实，表述无误</source>
        <translation>Checked with the entity: the statement is right</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="26"/>
        <source>公开模板本身如此</source>
        <translation>This is how the official template reads</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="27"/>
        <source>规则误报</source>
        <translation>False alarm of the rule</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="34"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="33"/>
        <source>请输入审核人姓名（记录在每条处理意见和批注中）：</source>
        <translation>Reviewer&apos;s name (recorded with every decision and note):</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="58"/>
        <source>常用理由…</source>
        <translation>Common reasons…</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="68"/>
        <source>Ctrl+Enter 保存 · Esc 取消</source>
        <translation>Ctrl+Enter saves · Esc cancels</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="90"/>
        <source>放弃已输入的内容？</source>
        <translation>Discard what you typed?</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="100"/>
        <source>排除问题</source>
        <translation>Dismiss finding</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="99"/>
        <source>排除：{0}
请填写理由（必填）：</source>
        <translation>Dismiss: {0}
Reason (required):</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="105"/>
        <source>修改批注</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="105"/>
        <source>添加批注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="106"/>
        <source>批注位置：{0}</source>
        <translation>Note on: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="113"/>
        <source>合并冲突</source>
        <translation>Merge conflict</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="115"/>
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="116"/>
        <source>我的处理</source>
        <translation>My decision</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="117"/>
        <source>同事的处理</source>
        <translation>Colleague&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="118"/>
        <source>采用</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="126"/>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="127"/>
        <source>同事的</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <location filename="../../gui/review_dialogs.py" line="137"/>
        <source>同一问题有两种不同的处理意见，请逐条选择采用哪一种（两者都保留在审核日志中）。取消则留待以后处理。</source>
        <translation>These findings have two different decisions. Choose which to keep for each (both stay in the review&apos;s log). Cancel leaves them for later.</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <location filename="../../gui/review_session.py" line="67"/>
        <source>审核记录无法打开，本次不能记录处理意见（原文件未改动）：{0}</source>
        <translation>The review cannot be opened, so decisions cannot be recorded this time (the file was not changed): {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_session.py" line="68"/>
        <source>审核记录</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../gui/review_session.py" line="120"/>
        <source>没有打开的文档</source>
        <translation>No document is open</translation>
    </message>
    <message>
        <location filename="../../gui/review_session.py" line="127"/>
        <source>未能保存：{0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/review_session.py" line="135"/>
        <source>（批注内容已复制到剪贴板，可粘贴后重试）</source>
        <translation>(The note&apos;s text is on the clipboard: paste it to try again.)</translation>
    </message>
    <message>
        <location filename="../../gui/review_session.py" line="139"/>
        <source>记录处理意见</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <location filename="../../gui/review_session.py" line="147"/>
        <source>保存批注</source>
        <translation>Save note</translation>
    </message>
    <message>
        <location filename="../../gui/review_session.py" line="151"/>
        <source>修改批注</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../gui/review_session.py" line="155"/>
        <source>删除批注</source>
        <translation>Delete note</translation>
    </message>
    <message>
        <location filename="../../gui/review_session.py" line="159"/>
        <source>处理合并冲突</source>
        <translation>Settle merge conflict</translation>
    </message>
    <message>
        <location filename="../../gui/review_session.py" line="163"/>
        <source>导出审核记录</source>
        <translation>Export review</translation>
    </message>
    <message>
        <location filename="../../gui/review_session.py" line="166"/>
        <source>导入审核记录</source>
        <translation>Import review</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../gui/findings_model.py" line="26"/>
        <source>{0} 错误</source>
        <translation>{0} errors</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="27"/>
        <source>{0} 警告</source>
        <translation>{0} warnings</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="28"/>
        <source>{0} 提示</source>
        <translation>{0} notes</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="29"/>
        <source>{0} 需人工</source>
        <translation>{0} manual</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="34"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="35"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="36"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="37"/>
        <source>需人工</source>
        <translation>Manual</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../gui/findings_model.py" line="43"/>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="44"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="45"/>
        <source>已排除</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="46"/>
        <source>需跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="161"/>
        <source>{0}：{1}（{2}）</source>
        <translation>{0}: {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../gui/findings_model.py" line="164"/>
        <source>理由：{0}</source>
        <translation>Reason: {0}</translation>
    </message>
</context>
<context>
    <name>TablesPanel</name>
    <message>
        <location filename="../../gui/tables_panel.py" line="123"/>
        <source>未识别到表格</source>
        <translation>No table recognised</translation>
    </message>
    <message>
        <location filename="../../gui/tables_panel.py" line="126"/>
        <source>第{0}页 · 单位：{1} · {2}行 · 置信度 {3:.0%}{4}</source>
        <translation>p. {0} · unit: {1} · {2} rows · confidence {3:.0%}{4}</translation>
    </message>
    <message>
        <location filename="../../gui/tables_panel.py" line="127"/>
        <source>未标明</source>
        <translation>not stated</translation>
    </message>
    <message>
        <location filename="../../gui/tables_panel.py" line="128"/>
        <source> · 空表</source>
        <translation> · empty table</translation>
    </message>
</context>
<context>
    <name>TextPanel</name>
    <message>
        <location filename="../../gui/text_panel.py" line="57"/>
        <source>（本页没有说明文字：可能全是表格，或是目录、封面）</source>
        <translation>(No narrative text on this page: tables only, or a contents or cover page)</translation>
    </message>
</context>
</TS>
