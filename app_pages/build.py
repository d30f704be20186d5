"""构建: what the KB holds, adding documents by upload, and building the demo corpus."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from app_pages import common
from kb.build import BuildReport
from kb.config import Settings
from kb.errors import KBError
from kb import views
from kb.load import SUPPORTED_SUFFIXES
from kb.worker import build_in_child

UPLOAD_TYPES = sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES)
COUNT_LABELS = {"documents": "文件", "articles": "文章", "sections": "章节", "passages": "段落",
                "facts": "数值事实", "strategies": "策略措施", "indicator_systems": "指标体系"}


def add_files(settings: Settings, files: list[tuple[str, bytes]]) -> BuildReport:
    """Build uploaded (name, bytes) files into the KB; a refused or failed file does not stop the rest.

    The build runs in a child process at lower priority, so searches in this app stay fast.
    """
    return build_in_child(settings, uploads=files)


def build_demo(settings: Settings) -> BuildReport:
    if not settings.corpus_dir.exists():
        raise KBError(f"示例语料目录 {settings.corpus_dir}/ 不存在；请把文献放入该目录或设置 KB_CORPUS_DIR。")
    return build_in_child(settings, paths=[settings.corpus_dir])


def show_report(report: BuildReport) -> None:
    """What a build did, file by file; failures with their messages (no server paths, no Markdown)."""
    done = report.added + report.updated
    if done:
        st.success(f"已加入 {len(done)} 个文件：" + "、".join(file_name(p) for p in done)
                   + f"（用时 {report.seconds:.1f} 秒，新嵌入 {report.embedded} 个段落）")
    for name, twin in report.duplicates:
        st.info(f"{file_name(name)} 与已有文件 {views.plain(twin)} 内容相同，未重复加入。")
    if report.removed:
        st.warning(f"已从知识库移除 {len(report.removed)} 个文件（原文件已不存在）："
                   + "、".join(file_name(p) for p in report.removed))
    if report.unchanged and not done and not report.removed:
        st.info("文件内容未变化，知识库无需更新。")
    for name, message in report.failed:
        st.error(without_folders(message, name))
    for name in report.skipped:
        st.warning(f"{file_name(name)}：不支持的文件类型，已跳过。")
    for warning in report.warnings:
        st.warning(views.plain(warning))


def file_name(path: str) -> str:
    """The file's name only (the server's folders are nobody's business), shown as typed."""
    return views.plain(path.replace("\\", "/").split("/")[-1])


def error_text(error: KBError, settings: Settings) -> str:
    """An error for the page: the KB's server folder named as what it is, shown as typed."""
    text = str(error)
    for folder in {str(Path(settings.index_dir).resolve()), str(settings.index_dir)}:
        text = text.replace(folder, "知识库目录")
    return views.plain(text)


def without_folders(message: str, path: str) -> str:
    """A build message with the file's server folder dropped, shown as typed (not as Markdown)."""
    folder = path.replace("\\", "/").rpartition("/")[0]
    return views.plain(message.replace(folder + "/", "") if folder else message)


def status(kb) -> None:
    counts = kb.counts()
    cols = st.columns(len(COUNT_LABELS))
    for col, (key, label) in zip(cols, COUNT_LABELS.items()):
        col.metric(label, counts.get(key, 0))
    st.caption(f"嵌入模型：{kb.model() or '未知'}　·　版本：{kb.generation.name}　·　目录：{kb.settings.index_dir}")
    outdated = kb.outdated_documents()
    if outdated:
        st.warning(f"{len(outdated)} 个文献由旧版本处理（{'、'.join(outdated[:3])}{' 等' if len(outdated) > 3 else ''}），"
                   "检索和表格仍是旧结果：运行 `kb build` 重新处理（嵌入取自缓存）。")
    docs = [{"文件": r["source"], "字符数": r["chars"], "路径": r["path"], "构建时间": r["built_at"]}
            for r in kb.documents()]
    st.dataframe(docs, hide_index=True, key="build_docs")


def upload_form(settings: Settings) -> None:
    st.subheader("添加文献")
    st.caption(f"支持 {', '.join(UPLOAD_TYPES)}；单个文件不超过 {settings.max_file_mb} MB。"
               "新文件会被处理、嵌入并加入知识库，原有内容保持可用。")
    files = st.file_uploader("选择文件", type=UPLOAD_TYPES, accept_multiple_files=True, key="build_files",
                             max_upload_size=settings.max_file_mb)
    if st.button("加入知识库", key="build_add", disabled=not files, type="primary"):
        with st.status(f"正在处理 {len(files)} 个文件…", expanded=True) as box:
            st.write("保存、清洗、切分并嵌入（每秒约 5–15 个段落）…")
            try:
                report = add_files(settings, [(f.name, f.getvalue()) for f in files])
            except KBError as e:   # e.g. another build is running
                box.update(label="处理失败", state="error")
                st.error(error_text(e, settings))
                return
            box.update(label="处理完成" if not report.failed else "处理完成（有文件失败）",
                       state="complete" if not report.failed else "error")
        st.session_state["build_report"] = report
        st.rerun()


def demo_button(settings: Settings) -> None:
    st.subheader("构建示例语料")
    st.caption(f"从 `{settings.corpus_dir}/` 构建（等同于命令 `kb build`）。完整示例语料首次构建需要数分钟。")
    if st.button("构建示例语料", key="build_demo"):
        with st.status("正在构建知识库…", expanded=True) as box:
            try:
                report = build_demo(settings)
            except KBError as e:
                box.update(label="构建失败", state="error")
                st.error(error_text(e, settings))
                return
            box.update(label="构建完成", state="complete")
        st.session_state["build_report"] = report
        st.rerun()


def main() -> None:
    st.title("构建")
    settings = common.settings()
    if "build_report" in st.session_state:
        show_report(st.session_state.pop("build_report"))
    if common.generation(settings) is None:
        st.warning(f"知识库尚未构建（目录 `{settings.index_dir}` 中没有知识库）。"
                   "可在终端运行 `kb build`，或点击下面的按钮。")
        demo_button(settings)
        upload_form(settings)
        return
    kb = common.knowledge_base()
    if kb is not None:
        status(kb)
    upload_form(settings)
    with st.expander("从示例语料重新构建"):
        demo_button(settings)


if __name__ == "__main__":
    main()
