"""The negotiation record, driven at random against a small independent model (hypothesis, stateful).

Random sequences of proposals (several delegations; kinds that collide and kinds that do not), status
changes (with and without supersede), withdrawals, revisions and undo (of a proposal, a status change,
a revision) run on a real document file. After every step:

- every amendment's delegation is the one that proposed it (and the event log says so);
- no two accepted amendments collide;
- the consolidated text is the version with exactly the accepted amendments applied;
- and every revision applies every accepted amendment once and carries none of them.

The model knows nothing of the engine: its proposals come from a fixed catalogue whose collisions
are stated by hand (word ranges that share characters, a deletion against any other change of the
paragraph, two alternatives, two moves of one paragraph), and it applies them with plain list and
string operations.
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from resdesk.amend.anchors import TextIndex, anchor_holds
from resdesk.amend.collisions import find_collisions
from resdesk.amend.decisions import CollisionRefused, set_statuses, undo_statuses
from resdesk.amend.propose import (
    propose_alternative,
    propose_delete_paragraph,
    propose_move,
    propose_new_paragraph,
    propose_replace,
)
from resdesk.amend.revise import create_revision, undo_revision
from resdesk.errors import UserError
from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR, Block, Document, Meta
from resdesk.store.amendments import add_amendment, amendments, remove_amendment
from resdesk.store.documents import create_document, load, version_names
from resdesk.views.consolidated import consolidated

OP1 = "Urges all Member States to act now, as set out in the Treaty Series;"
OP2 = "Calls for international cooperation on the matter;"
BASE = Document(meta=Meta(symbol="A/C.3/68/L.5"), blocks=[
    Block("b1", FORMULA, "The General Assembly,"),
    Block("b2", PREAMBULAR, "Recalling its earlier resolutions,"),
    Block("b3", PREAMBULAR, "Noting the report of the Secretary-General,"),
    Block("b4", OPERATIVE, OP1),
    Block("b5", OPERATIVE, OP2),
    Block("b6", OPERATIVE, "Requests the Secretary-General to report;"),
    Block("b7", OPERATIVE, "Encourages regional initiatives;"),
    Block("b8", OPERATIVE, "Decides to remain seized of the matter."),
])
DELEGATIONS = ["Brazil", "Norway", "European Union", "Group of 77 and China", "Mexico"]
ACCEPTED = ("agreed", "agreed-ad-ref")
LIVE = ("proposed", "agreed-ad-ref", "agreed", "bracketed")
STATUSES = (*LIVE, "withdrawn", "rejected", "superseded")


@dataclass(frozen=True)
class Slot:
    """One proposal of the catalogue: kind, paragraph, and its words (old/new), new text or anchor."""

    name: str
    kind: str          # words, delete, alternative, new, move
    block: str         # the paragraph it changes (for new: the one it follows; for move: the one moved)
    old: str = ""
    new: str = ""
    after: str = ""    # move: the paragraph it is to follow


SLOTS = [
    Slot("R1", "words", "b4", "Member States", "States"),
    Slot("R2", "words", "b4", "all Member", "every Member"),            # shares "Member" with R1
    Slot("R3", "words", "b4", "act now", "act swiftly"),
    Slot("R4", "words", "b4", "Treaty Series", "United Nations Treaty Series"),
    Slot("R5", "words", "b4", "now, as set out", "now, as provided"),  # shares "now" with R3
    Slot("W2", "words", "b5", "international cooperation", "international coordination"),
    Slot("D2", "delete", "b5"),
    Slot("A2a", "alternative", "b5", new="Calls for cooperation;"),
    Slot("A2b", "alternative", "b5", new="Calls for coordination;"),
    Slot("N1", "new", "b6", new="Invites donors to contribute;"),
    Slot("N2", "new", "b6", new="Welcomes the initiatives of the Office;"),
    Slot("N3", "new", "b2", new="Recognizing the needs of small island developing States,"),
    Slot("M1", "move", "b7", after="b8"),
    Slot("M2", "move", "b7", after="b4"),
]


@dataclass
class Para:
    id: str
    text: str


@dataclass
class Proposal:
    slot: Slot
    author: str
    number: int
    version: str
    status: str = "proposed"
    stale: bool = False
    anchor: str = ""       # new: the paragraph it follows now
    block_id: str = ""     # new: the id of its paragraph


@dataclass
class Model:
    text: list[Para]
    version: str = "original"
    proposals: dict[str, Proposal] = field(default_factory=dict)

    def ids(self) -> list[str]:
        return [p.id for p in self.text]

    def para(self, block: str) -> Para | None:
        return next((p for p in self.text if p.id == block), None)

    def current(self) -> dict[str, Proposal]:
        return {i: p for i, p in self.proposals.items() if p.version == self.version}

    def can_propose(self, slot: Slot) -> bool:
        para = self.para(slot.block)
        if para is None:
            return False
        if slot.kind == "words":
            return para.text.count(slot.old) == 1
        if slot.kind == "move":
            ids = self.ids()
            return ids[ids.index(slot.block) - 1] != slot.after
        return True

    def span(self, proposal: Proposal) -> tuple[int, int]:
        start = self.para(proposal.slot.block).text.find(proposal.slot.old)
        return start, start + len(proposal.slot.old)

    def collide(self, first: str, second: str, statuses: dict[str, str]) -> bool:
        """The collision policy, stated for this catalogue."""
        a, b = self.proposals[first], self.proposals[second]
        if first == second or a.stale or b.stale or statuses[first] not in LIVE or statuses[second] not in LIVE:
            return False
        if a.slot.block != b.slot.block or "new" in (a.slot.kind, b.slot.kind):
            return False
        kinds = {a.slot.kind, b.slot.kind}
        if kinds == {"words"}:
            (s1, e1), (s2, e2) = self.span(a), self.span(b)
            return s1 < e2 and s2 < e1
        if kinds == {"delete"}:
            return False  # two deletions of one paragraph: the same outcome
        return kinds != {"words", "move"}

    def applied_text(self, chosen: list[str]) -> tuple[list[Para], dict[str, str]]:
        """The text with the proposals `chosen` applied (they do not collide); the ids of new paragraphs."""
        props = sorted((self.proposals[i] for i in chosen), key=lambda p: p.number)
        deleted = {p.slot.block for p in props if p.slot.kind == "delete"}
        texts = {para.id: para.text for para in self.text}
        for p in props:
            if p.slot.kind == "alternative":
                texts[p.slot.block] = p.slot.new
        for block in {p.slot.block for p in props if p.slot.kind == "words"}:
            words = sorted((p for p in props if p.slot.kind == "words" and p.slot.block == block),
                           key=lambda p: self.span(p)[0], reverse=True)
            for p in words:
                start, end = self.span(p)
                texts[block] = texts[block][:start] + p.slot.new + texts[block][end:]
        order = [i for i in self.ids() if i not in deleted]
        for p in props:
            if p.slot.kind == "move":
                order.remove(p.slot.block)
                order.insert(order.index(p.slot.after) + 1, p.slot.block)
        created: dict[str, str] = {}
        for p in props:
            if p.slot.kind == "new":
                at = order.index(p.anchor) + 1
                # after the paragraphs this same text adds after the same one, earlier in order of entry
                while at < len(order) and order[at] in created.values():
                    at += 1
                order.insert(at, p.block_id)
                texts[p.block_id] = p.slot.new
                created[p.block_id] = p.block_id
        return [Para(i, texts[i]) for i in order], created

    def accepted(self) -> list[str]:
        return [i for i, p in self.current().items() if p.status in ACCEPTED and not p.stale]


def make(slot: Slot, document: Document, author: str):
    if slot.kind == "words":
        return propose_replace(document, author, slot.block, slot.old, slot.new)
    if slot.kind == "delete":
        return propose_delete_paragraph(document, author, slot.block)
    if slot.kind == "alternative":
        return propose_alternative(document, author, slot.new, slot.block)
    if slot.kind == "new":
        return propose_new_paragraph(document, author, slot.new, slot.block)
    return propose_move(document, author, slot.block, slot.after)


class RecordMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        self.doc = create_document(self.folder / "d.resdesk", BASE)
        self.model = Model([Para(b.id, b.text) for b in BASE.blocks])
        self.undo_stack: list[tuple[str, object, Model]] = []

    def teardown(self):
        self.doc.close()
        shutil.rmtree(self.folder)

    # -- steps -----------------------------------------------------------------------------------

    @initialize(proposals=st.lists(st.tuples(st.sampled_from(SLOTS), st.sampled_from(DELEGATIONS)), max_size=6))
    def some_proposals_first(self, proposals):
        for slot, author in proposals:
            self.propose(slot, author)

    @rule(slot=st.sampled_from(SLOTS), author=st.sampled_from(DELEGATIONS))
    def propose(self, slot, author):
        expected = self.model.can_propose(slot)
        try:
            amendment = make(slot, load(self.doc), author)
        except UserError:
            assert not expected, f"{slot.name} was refused"
            return
        assert expected, f"{slot.name} was accepted"
        stored = add_amendment(self.doc, amendment, actor=author)
        before = copy.deepcopy(self.model)
        self.model.proposals[stored.id] = Proposal(
            slot, author, stored.number, self.model.version, anchor=slot.block if slot.kind == "new" else "",
            block_id=stored.new_block.id if stored.new_block else "")
        self.undo_stack.append(("propose", stored.id, before))

    def _expected_refusal(self, ids: list[str], status: str, supersede: list[str]) -> tuple[list[str], list[str]]:
        """The reasons (in no particular order) the model sees to refuse, and the accepted ones in the way."""
        model = self.model
        current = model.current()
        after = {i: (status if i in ids else p.status) for i, p in model.proposals.items()}
        reasons = []
        if any(i not in current for i in ids + supersede):
            reasons.append("earlier version")
        accepting = status in ACCEPTED
        if supersede and not accepting:
            reasons.append("supersede without accepting")
        for s in supersede:
            if s in ids or model.proposals[s].status not in LIVE or not any(
                    model.collide(s, i, after) for i in ids):
                reasons.append("supersede")
        if not accepting:
            return reasons, []
        if any(model.proposals[i].stale for i in ids):
            reasons.append("stale")
        for i in supersede:
            after[i] = "superseded"
        if any(model.collide(i, j, after) for i in ids for j in ids):
            reasons.append("among")
        blocking = sorted({o for o in current if o not in ids and after[o] in ACCEPTED
                           and any(model.collide(o, i, after) for i in ids)}, key=lambda o: int(o[1:]))
        if blocking:
            reasons.append("accepted")
        return reasons, blocking

    def _set(self, ids, status, supersede):
        reasons, blocking = self._expected_refusal(ids, status, supersede)
        try:
            change = set_statuses(self.doc, ids, status, supersede=supersede, actor="Facilitator")
        except CollisionRefused as refused:
            event(f"status refused: {', '.join(sorted(set(reasons)))}")
            assert reasons, f"{ids} {status} --supersede {supersede} was refused: {refused}"
            if reasons == ["accepted"]:
                assert refused.accepted == blocking
            if reasons == ["among"]:
                assert refused.accepted == []
            return
        except UserError as refused:
            event(f"status refused: {', '.join(sorted(set(reasons)))}")
            assert reasons and reasons not in (["accepted"], ["among"]), f"refused: {refused}"
            return
        event(f"status set: {'accepted' if status in ACCEPTED else 'other'}{', superseding' if supersede else ''}")
        assert not reasons, f"{ids} {status} --supersede {supersede} was allowed despite {reasons}"
        before = copy.deepcopy(self.model)
        for i in ids:
            self.model.proposals[i].status = status
        for i in supersede:
            self.model.proposals[i].status = "superseded"
        self.undo_stack.append(("status", change, before))

    @precondition(lambda self: self.model.proposals)
    @rule(data=st.data(), status=st.sampled_from((*ACCEPTED, *ACCEPTED, *STATUSES)))
    def set_status(self, data, status):
        everything = sorted(self.model.proposals, key=lambda i: int(i[1:]))
        current = sorted(self.model.current(), key=lambda i: int(i[1:])) or everything
        ids = data.draw(st.lists(st.sampled_from(current), min_size=1, max_size=2, unique=True)
                        | st.lists(st.sampled_from(everything), min_size=1, max_size=2, unique=True))
        after = {i: (status if i in ids else p.status) for i, p in self.model.proposals.items()}
        in_the_way = [o for o in self.model.current() if o not in ids and after[o] in ACCEPTED
                      and any(self.model.collide(o, i, after) for i in ids)]
        supersede = data.draw(st.one_of(st.just([]), st.just(in_the_way),
                                        st.lists(st.sampled_from(everything), max_size=2, unique=True)))
        self._set(ids, status, supersede)

    @precondition(lambda self: self.model.proposals)
    @rule(data=st.data())
    def withdraw(self, data):
        ident = data.draw(st.sampled_from(sorted(self.model.proposals, key=lambda i: int(i[1:]))))
        self._set([ident], "withdrawn", [])

    @rule(accept=st.sampled_from([ACCEPTED, ("agreed",), (*ACCEPTED, "proposed")]))
    def revise(self, accept):
        model = self.model
        current = model.current()
        selected = [i for i, p in current.items() if p.status in accept and not p.stale]
        statuses = {i: p.status for i, p in model.proposals.items()}
        refused = (any(p.status in ACCEPTED and (p.status not in accept or p.stale) for p in current.values())
                   or any(model.collide(i, j, statuses) for i in selected for j in selected))
        try:
            revision = create_revision(self.doc, accept, actor="Facilitator")
        except UserError:
            event("revision refused")
            assert refused, "the revision was refused"
            return
        event(f"revision made, applying {'some' if selected else 'none'}")
        assert not refused, "the revision was made"
        applied = sorted(selected, key=lambda i: int(i[1:]))
        carried = sorted((i for i, p in current.items() if p.status in LIVE and i not in selected),
                         key=lambda i: int(i[1:]))
        # A revision applies every accepted amendment once and carries none of them.
        assert revision.applied == applied
        assert [a.id for a in revision.carried] == carried
        assert not {a.status for a in amendments(self.doc)} & set(ACCEPTED)
        before = copy.deepcopy(model)
        new_text, created = model.applied_text(applied)
        survivors = {p.id for p in new_text}
        for i in carried:
            p = model.proposals[i]
            p.version = revision.name
            rewritten = p.slot.kind == "words" and any(model.proposals[a].slot.kind == "alternative" and
                                                       model.proposals[a].slot.block == p.slot.block for a in applied)
            overlapped = p.slot.kind == "words" and any(model.proposals[a].slot.kind == "words" and
                                                        model.collide(a, i, {**statuses, a: "agreed"})
                                                        for a in applied)
            if p.slot.block not in survivors or rewritten or overlapped:
                p.stale = True
            if p.slot.kind == "new":  # after the paragraphs entered before it and accepted now
                earlier = [model.proposals[a] for a in applied if model.proposals[a].slot.kind == "new"
                           and model.proposals[a].anchor == p.anchor and model.proposals[a].number < p.number]
                if earlier:
                    p.anchor = max(earlier, key=lambda a: a.number).block_id
        model.text = new_text
        model.version = revision.name
        assert created == {model.proposals[a].block_id: model.proposals[a].block_id for a in applied
                           if model.proposals[a].slot.kind == "new"}
        self.undo_stack.append(("revision", revision, before))

    @precondition(lambda self: self.undo_stack)
    @rule()
    def undo(self):
        kind, handle, before = self.undo_stack.pop()
        event(f"undo of a {kind}")
        if kind == "propose":
            remove_amendment(self.doc, handle)
        elif kind == "status":
            undo_statuses(self.doc, handle)
        else:
            undo_revision(self.doc, handle)
        self.model = before

    # -- what holds after every step ------------------------------------------------------------------

    @invariant()
    def the_record_holds(self):
        document = load(self.doc)
        current = amendments(self.doc)
        self.every_amendment_keeps_its_delegation()
        self.the_text_and_the_stale_flags_are_the_models(document, current)
        self.no_two_accepted_amendments_collide(document, current)
        self.the_consolidated_text_applies_exactly_the_accepted_amendments()

    def every_amendment_keeps_its_delegation(self):
        stored = {a.id: a for name in version_names(self.doc) for a in amendments(self.doc, name)}
        assert {i: (a.author, a.status, a.version) for i, a in stored.items()} == \
            {i: (p.author, p.status, p.version) for i, p in self.model.proposals.items()}
        proposers = {json.loads(detail)["amendment"]: actor for actor, detail in self.doc.conn.execute(
            "SELECT actor, detail FROM event WHERE action = 'propose' ORDER BY id")}
        assert all(proposers[i] == p.author for i, p in self.model.proposals.items())

    def the_text_and_the_stale_flags_are_the_models(self, document, current):
        assert document.version == self.model.version
        assert [(b.id, b.text) for b in document.blocks] == [(p.id, p.text) for p in self.model.text]
        index = TextIndex.of(document)
        stale = {a.id: a.stale or not anchor_holds(index, a) for a in current}
        assert stale == {i: p.stale for i, p in self.model.current().items()}

    def no_two_accepted_amendments_collide(self, document, current):
        accepted = {a.id for a in current if a.status in ACCEPTED}
        collisions = find_collisions(document, current)
        assert not any(set(collisions.get(i, ())) & accepted for i in accepted)
        statuses = {i: p.status for i, p in self.model.proposals.items()}
        assert not any(self.model.collide(i, j, statuses) for i in accepted for j in accepted)

    def the_consolidated_text_applies_exactly_the_accepted_amendments(self):
        document = load(self.doc)
        shown = consolidated(document, amendments(self.doc, document.version))
        expected, _ = self.model.applied_text(self.model.accepted())
        assert [(b.id, b.text) for b in shown.blocks] == [(p.id, p.text) for p in expected]


RecordMachine.TestCase.settings = settings(max_examples=30, stateful_step_count=20, deadline=None,
                                           suppress_health_check=[HealthCheck.too_slow])
test_the_negotiation_record = RecordMachine.TestCase
