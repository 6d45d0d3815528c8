"""The public chat page (gradio). It only asks: it cannot ingest, delete or read files."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from assistant.conversation import Turn, ask_after
from assistant.service import Assistant
from assistant.web_limits import Limits, load_limits
from assistant.web_render import CSS, MAX_QUESTION, answer_html, refused_html
from corpus.records import Disclosure
from index.bounded import Bounded

ALL = "全部文档"
INTRO = ("询问部门预算/决算公开文件中的数字和说明：总额、各项支出、占比、与上年比较、原因和用途。"
         "每个答案都给出计算过程和出处（表格单元格或原文句子）；文件没有说的，会直说。")


_ASKED = ("支出总计是多少", "基本支出占支出总计的比例是多少", "哪个功能分类支出最多", "{top}的基本支出是多少",
          "三公经费是多少", "项目支出为什么变化", "什么是三公经费", "机关运行经费是多少", "机关运行经费主要用于什么",
          "政府采购预算是多少", "主要职能是什么", "收入总计是多少")
MAX_EXAMPLES = 8
_EXAMPLES: Bounded[tuple[str, str, str], list[str]] = Bounded()  # (document, its content hash, scope) → examples


def example_questions(assistant: Assistant, doc_id: str = "") -> list[str]:
    """Up to 8 examples the chosen document (else the first stored, named in each so they answer with
    several stored) does answer — each asked once, and kept only when it gets an answer."""
    from assistant.scoping import choices_of

    infos = assistant.documents()
    if not infos:
        return []
    choices = choices_of(infos)
    choice = next((c for c in choices if c.doc_id == doc_id), None) or choices[0]
    sha = next(i.sha256 for i in infos if i.doc_id == choice.doc_id)
    key = (choice.doc_id, sha, doc_id)
    if key not in _EXAMPLES:
        _EXAMPLES[key] = _answered(assistant, choice.doc_id, "" if doc_id else choice.said)
    return _EXAMPLES[key]


def _answered(assistant: Assistant, doc_id: str, said: str) -> list[str]:
    doc = assistant.disclosure(doc_id)
    expense = doc.table("expense")
    top = next((r.name for r in (expense.rows if expense else ()) if r.level == "类"), None)
    kept = []
    for asked in _ASKED:
        if "{top}" in asked and top is None:
            continue
        question = f"{said}：{asked.format(top=top)}" if said else asked.format(top=top)
        answer = assistant.ask(question, doc=None if said else doc_id)
        if not answer.abstained and not any(p.abstained for p in answer.parts):
            kept.append(question)
        if len(kept) == MAX_EXAMPLES:
            break
    return kept


def _choices(assistant: Assistant) -> list[tuple[str, str]]:
    """The chat's scope: each disclosure once, as the page lists them (its text stands for its PDF)."""
    from assistant.scoping import disclosure_groups

    return [(ALL, "")] + [(group[0].title, group[0].doc_id) for group in disclosure_groups(assistant.documents())]


def _files(assistant: Assistant) -> list[tuple[str, str]]:
    """The audit's choice: every stored file (a text and its PDF are audited apart), named so."""
    return [(f"{i.title}（{i.source}）", i.doc_id) for i in assistant.documents()]


@dataclass(frozen=True)
class Talk:
    """One conversation, kept on the server (never sent back by the browser): its newest turns' HTML,
    how many older ones were let go, and the turn a follow-up is read against."""

    shown: tuple[str, ...] = ()
    dropped: int = 0
    last: Turn | None = None

    def html(self) -> str:
        older = f'<div class="bq-msg bq-older">（较早的{self.dropped}轮对话已不再显示）</div>' if self.dropped else ""
        return older + "".join(self.shown)

    def added(self, html: str, keep: int) -> Talk:
        shown = (*self.shown, html)
        cut = max(0, len(shown) - keep)
        return replace(self, shown=shown[cut:], dropped=self.dropped + cut)


def respond(assistant: Assistant, question: str, doc_id: str, talk: Talk | None,
            keep: int = Limits.turns) -> tuple[str, str, Talk]:
    """One turn, in time order: (chat HTML with the new turn at the bottom, cleared input, the
    conversation it leaves, at most `keep` turns long). Empty input does nothing."""
    talk = talk or Talk()
    question = (question or "").strip()
    if not question:
        return talk.html(), "", talk
    if len(question) > MAX_QUESTION:
        talk = talk.added(refused_html(question), keep)
        return talk.html(), "", talk
    answer, turn = ask_after(assistant, question, doc_id or None, talk.last)
    docs: dict[str, Disclosure] = {}
    for c in answer.citations:
        if c.doc_id not in docs:
            docs[c.doc_id] = assistant.disclosure(c.doc_id)
    talk = replace(talk.added(answer_html(question, answer, docs), keep), last=turn)
    return talk.html(), "", talk


def build_app(assistant: Assistant, limits: Limits | None = None, staff: bool = False):
    """The page; `staff` adds the audit view (`serve --staff`) — the public page only asks."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr

    limits = limits or Limits()
    titles = catalogue(assistant.documents())
    with gr.Blocks(title="预算问答 budget-qa", analytics_enabled=False) as demo:
        header = gr.HTML(header_html(titles))
        with gr.Tab("问答"):
            scope = _chat_tab(gr, assistant, limits)
        shown = [header, scope]
        if staff:
            with gr.Tab("一致性审计（工作人员）"):
                shown.append(_audit_tab(gr, assistant))

        def fresh():  # each page load reads the store: a document ingested meanwhile is there
            found = [header_html(catalogue(assistant.documents())), gr.update(choices=_choices(assistant))]
            return tuple(found + ([gr.update(choices=_files(assistant))] if staff else []))

        demo.load(fresh, None, shown, api_visibility="private")
    demo.state_session_capacity = limits.sessions  # conversations kept; the least recently used goes
    return demo


def header_html(titles: list[str]) -> str:
    """The page's heading; document names are data, escaped (a name is never markup)."""
    from html import escape

    held = f"<p>已收录：{escape('；'.join(titles))}</p>" if titles else ""
    return f'<h1>部门预算问答</h1><p>{escape(INTRO)}</p>{held}'


def catalogue(infos: list) -> list[str]:
    """What the page says it holds: each disclosure once (its text and PDF are one; a 单位预算 named so),
    from the store's index, without loading any document's records."""
    from assistant.scoping import disclosure_groups

    return [group[0].title for group in disclosure_groups(infos)]


def audit_html(assistant: Assistant, doc_id: str) -> str:
    """A document's own accounting identities, as a sortable table staff can read (read-only)."""
    from assistant.audit_html import audit_table
    from index.audit import audit

    if not doc_id:
        return "<p>请选择一份文档。</p>"
    return audit_table(audit(assistant.disclosure(doc_id)))


def _audit_tab(gr, assistant: Assistant):
    docs = gr.Dropdown(choices=_files(assistant), label="文档", interactive=True)
    out = gr.HTML()
    docs.change(lambda d: audit_html(assistant, d), [docs], [out], api_visibility="private")
    return docs


def _chat_tab(gr, assistant: Assistant, limits: Limits):
    scope = gr.Dropdown(choices=_choices(assistant), value="", label="部门和年度", interactive=True)
    chat = gr.HTML(value="", elem_id="bq-chat")
    with gr.Row():
        box = gr.Textbox(placeholder="用中文提问，例如：一般公共服务支出是多少？", show_label=False,
                         max_lines=3, scale=8, elem_id="bq-input")
        send = gr.Button("提问", variant="primary", scale=1, elem_id="bq-send")
    examples = example_questions(assistant)
    if examples:
        listed = gr.Examples(examples=[[e] for e in examples], inputs=[box], label="示例问题")
        scope.change(lambda d: gr.Dataset(samples=[[e] for e in example_questions(assistant, d)]), [scope],
                     [listed.dataset], api_visibility="private")  # examples for the document chosen

    # the conversation lives on the server, bounded in turns, time and number of conversations
    state = gr.State(Talk(), time_to_live=limits.session_seconds)
    clear = gr.Button("清空对话", size="sm", elem_id="bq-clear")

    def turn(question: str, doc_id: str, talk: Talk | None) -> tuple[str, str, Talk]:
        return respond(assistant, question, doc_id, talk, limits.turns)

    shown = "() => document.querySelector('#bq-chat .bq-msg:last-child')?.scrollIntoView({block: 'end'})"
    send.click(turn, [box, scope, state], [chat, box, state], api_name="ask").then(None, js=shown)
    box.submit(turn, [box, scope, state], [chat, box, state], api_visibility="private").then(None, js=shown)
    scope.change(_new_document, [state], [state], api_visibility="private")
    clear.click(lambda: ("", Talk()), None, [chat, state], api_visibility="private")
    return scope


def _new_document(talk: Talk | None) -> Talk:
    """Another document chosen: the chat stays on the page, but no follow-up reads the old turn."""
    return replace(talk or Talk(), last=None)


def serve(assistant: Assistant, host: str = "127.0.0.1", port: int = 7860, block: bool = True,
          limits: Limits | None = None, staff: bool = False):
    """The page and its JSON API behind the route guard (assistant/web_guard.py), with the limits the
    environment sets unless given; with `block=False` the server runs in a thread and the returned
    handle's `close()` stops it."""
    import gradio as gr
    from fastapi import FastAPI

    from assistant.web_api import add_routes
    from assistant.web_guard import run

    limits = limits or load_limits()
    demo = build_app(assistant, limits, staff)
    demo.queue(default_concurrency_limit=4, max_size=512)
    theme = gr.themes.Base(font=["WenQuanYi Micro Hei", "Noto Sans CJK SC", "sans-serif"],
                           font_mono=["monospace"])
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    add_routes(app, assistant)  # POST /api/ask beside the page
    app = gr.mount_gradio_app(app, demo, path="/", server_name=host, server_port=port, show_error=False,
                              theme=theme, css=CSS, footer_links=[])
    if block:
        print(f"budget-qa: http://{host}:{port}/", flush=True)
    return run(app, host, port, block, limits)
