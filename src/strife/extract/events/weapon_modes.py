"""The mode a violent act takes from the weapon its own clause names, where its lexicon row names none.

"LNA air force targeted GNA positions" is an air strike, "fired IFVs and grenade launchers at" a
shelling, "a suicide bomber targeted a convoy" a suicide bombing, "fired mortars, heavy machine
guns and small arms" an armed clash: ACLED's sub-event turns on the means, so a generic attack
('attacked', 'targeted') reads the weapon words of its clause (roles.yaml *_weapon_words). The
clause is the act's own (`clause_text`): coordinated and subordinate clauses tell other acts, and
weapons that only support a ground attack ('with air support') are not its means.
"""

from __future__ import annotations

from spacy.tokens import Token

from strife.extract import clause_verb
from strife.extract.events.frame import Frame
from strife.extract.events.grammar import CLAUSE_DEPS
from strife.extract.events.arguments import argument_phrase
from strife.extract.events.triggers import word_keys
from strife.extract.events.weapons import may_name_any, names_any
from strife.ontology import Ontology


# A grenade comes last: 'grenade launchers' and 'rocket-propelled grenades' are artillery's (ACLED
# Shelling); a grenade thrown or 'attacked with a hand grenade' is ACLED's Grenade.
_WEAPON_MODES = (("aerial_weapon_words", "aerial"), ("artillery_weapon_words", "artillery"), ("explosive_weapon_words", "IED"),
                 ("grenade_words", "grenade"))


def weapon_mode(frame: Frame, onto: Ontology) -> None:
    """A generic attack takes the mode of the weapon its own clause names: 'LNA air force
    targeted GNA positions' is an air strike, 'fired IFVs and grenade launchers at' a shelling.
    Rows that name their weapon ('shot', 'bombed') keep their mode."""
    if not _generic_attack(frame, onto) or not any(
            may_name_any(frame.trigger.token.doc, onto.words(words)) for words, _ in _WEAPON_MODES):
        return
    token = frame.trigger.token
    text = " ".join((clause_text(frame, _support_phrases(token, onto)), _holding_phrase(token), _means_text(token, onto), _gerunds(token),
                     _adjectives_set_after(token)))
    for words, mode in _WEAPON_MODES:
        if mode == "IED" and names_any(text, onto.words("makeshift_bomb_words")):
            continue  # 'a petrol bomb attack': a crowd's makeshift bomb, which the riot rules read
        if names_any(text, onto.words(words)):
            if mode == "IED" and frame.plover == "FIGHT":
                frame.plover = "ASSAULT"  # PLOVER has no FIGHT mode for explosives
            frame.mode = mode
            return


def _adjectives_set_after(token: Token) -> str:
    """'fired machine guns, assumedly heavy, at ...': an adjective set off after its noun (a
    hedged afterthought) qualifies it as one before it would; each such noun of the verb's own
    phrases is read again in English order ('heavy machine guns')."""
    phrases = []
    for noun in token.subtree:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for adjective in (c for c in noun.children if c.dep_ == "amod" and c.i > noun.i):
            compounds = [c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
            phrases.append(" ".join([adjective.lower_, *compounds, noun.lower_]))
    return " ".join(phrases)


def _means_text(token: Token, onto: Ontology) -> str:
    """The lower-cased words of the verb's means clause ('attacked a post using mortars',
    'fired at positions, using grenade launchers'): the weapon it names is the attack's. A means
    participle the parse hangs on the object ('positions using ...') is still the act's manner."""
    if token.pos_ not in ("VERB", "AUX"):
        return ""
    means = onto.words("means_verbs")
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [o for c in token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return " ".join(t.lower_ for head in (token, *objects) for c in head.children
                    if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in means for t in c.subtree)


def _gerunds(token: Token) -> str:
    """The verb's own gerunds, each alone: 'killed in Israeli shelling' ('killed in regime shelling')
    may be parsed with 'shelling' as a clause of 'killed' (of 'regime') rather than the object of
    'in'; the word still names the means."""
    heads = [token] + [o for p in token.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return " ".join(c.lower_ for h in heads for c in h.children if c.tag_ == "VBG" and c.dep_ in ("advcl", "acl", "pcomp", "pobj"))


def _holding_phrase(token: Token) -> str:
    """The lower-cased nouns of the phrases the trigger modifies, up to their clause: in 'shells
    fired by rebels killed a man' (which the parser may read as 'rebels killed' modifying
    'shells') or 'the rockets that killed five', the weapon is the noun the killing hangs on."""
    nouns = []
    node = token
    while node.dep_ in ("acl", "relcl", "pobj", "agent", "prep") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            nouns.append(node.lower_)
    return " ".join(nouns)


def suicide_bomber(frame: Frame, onto: Ontology) -> None:
    """'A suicide bomber targeted a convoy': a bomber who is a suicide attacker is a person on
    foot, not an aircraft, though the lexicon reads 'bomber' as a subject of air strikes; the
    attack is a suicide bombing (ACLED Suicide bomb). A generic attack ('an attack with a
    suicide vest') is one too when its own clause says so."""
    if not may_name_any(frame.trigger.token.doc, onto.words("suicide_attack_words")):
        return
    text = " ".join(t.lower_ for s in frame.sources for t in argument_phrase(s))
    if _generic_attack(frame, onto):
        text += " " + clause_text(frame)
    if names_any(text, onto.words("suicide_attack_words")):
        frame.plover, frame.mode = "ASSAULT", "suicide"


def _generic_attack(frame: Frame, onto: Ontology) -> bool:
    """An attack whose row names no weapon ('attacked', 'targeted'), not yet given a mode other
    than gunfire: its clause's weapon words decide its mode (`weapon_mode`)."""
    entry = frame.trigger.entry
    generic = (entry.plover == "ASSAULT" and entry.mode is None) or bool(word_keys(frame.trigger.token) & onto.words("weapon_scan_lemmas"))
    return generic and frame.mode in (None, "firearms")


def by_explosives(token: Token, onto: Ontology) -> bool:
    """'destroyed a mast using explosives', 'set off explosives and destroyed a bridge', 'blew up
    pylons': property destroyed by explosives stays a destruction in PLOVER (COERCE) but is an
    explosion for ACLED (Remote explosive), not property destruction. The means may sit in a
    manner clause or in the verb the destruction is coordinated with; a participle of a means
    verb ('using explosives') is the act's manner even where the parse hangs it on an object."""
    head = token
    while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head
    means = onto.words("means_verbs")
    inner = {t.i for d in head.subtree if d.dep_ in ("relcl", "acl") and not (d.dep_ == "acl" and d.lemma_.lower() in means)
             for t in d.subtree}
    return names_any(" ".join(t.lower_ for t in head.subtree if t.i not in inner), onto.words("explosive_weapon_words"))


def air_force_offensive(frame: Frame, onto: Ontology) -> None:
    """'The air force launched nine offensives against IS positions': when the attacker is an air
    arm (air force, warplanes, drones) and no weapon says otherwise, the fight is an air strike
    (ACLED Explosions/Remote violence), one-sided by its means."""
    if frame.plover != "FIGHT" or frame.mode is not None or not frame.sources:
        return
    text = " ".join(t.lower_ for s in frame.sources for t in argument_phrase(s))
    if names_any(text, onto.words("aerial_weapon_words")):
        frame.plover, frame.mode = "ASSAULT", "aerial"


def mixed_weapons(frame: Frame, onto: Ontology) -> None:
    """'fired mortars, heavy machine guns and small arms': an engagement with small arms is an
    armed clash (ACLED), not a shelling, even when heavier weapons join in; aimed at farms or
    villages and at no armed side it is no engagement, and stays the heavy weapons' shelling."""
    if frame.mode != "artillery":
        return
    clause = clause_verb(frame.trigger.token) or frame.trigger.token
    text = " ".join(t.lower_ for t in clause.subtree)
    if frame.trigger.token.lemma_.lower() in onto.words("explosion_nouns"):
        # a monitor's '9 explosions/shots involving unknown weapons' counts shots beside explosions:
        # only a named small arm ('involving small arms') makes the count an exchange of fire
        counted = onto.words("observed_fire_nouns")
        text = " ".join(w for w in text.split() if w not in counted and w.rstrip("s") not in counted)
    aim = " ".join(t.lower_ for p in clause.children if p.dep_ == "prep" and p.lower_ in ("at", "on", "into", "towards", "toward")
                   for t in p.subtree)
    if names_any(text, onto.words("small_arms_words")) and not (
            names_any(aim, onto.words("civilian_place_words")) and not names_any(aim, onto.words("armed_target_words"))):
        frame.plover, frame.mode = "FIGHT", "firearms"


def clause_text(frame: Frame, left_out: frozenset[int] = frozenset()) -> str:
    """The lower-cased words of the trigger's own clause (coordinated and subordinate clauses
    left out) and of its argument phrases, space separated; `left_out` token indices skipped."""
    token = frame.trigger.token
    head = token if token.pos_ in ("VERB", "AUX") else (clause_verb(token) or token)
    own = _own_clause(head)
    for arg in frame.sources + frame.targets:
        own.update(t.i for t in argument_phrase(arg))
    if token.pos_ not in ("VERB", "AUX"):
        own.update(t.i for t in token.subtree)
    return " ".join(token.doc[i].lower_ for i in sorted(own - left_out))


def _support_phrases(token: Token, onto: Ontology) -> frozenset[int]:
    """'attacked the positions with air and artillery support', 'backed by helicopters', 'under the
    cover of mortar fire': weapons that support a ground attack are not its means. ACLED codes the
    ground assault, remote violence told as part of it, as the battle (Armed clash), so these
    phrases are left out of the weapon scan."""
    head = token if token.pos_ in ("VERB", "AUX") else (clause_verb(token) or token)
    words = onto.words("support_words")
    phrases = [d.head if d.dep_ == "conj" else d for d in head.subtree  # 'air and artillery support': the whole phrase
               if d.lemma_.lower() in words and d.i != head.i and d.dep_ in ("pobj", "dobj", "acl", "advcl", "prep", "npadvmod", "conj")]
    if head.lemma_.lower() in onto.words("ground_assault_lemmas"):
        # 'stormed the village after heavy shelling': the fire before the assault prepared it
        phrases += [c for c in head.children if c.dep_ == "prep" and c.lower_ in onto.words("preparation_preps")]
    return frozenset(t.i for d in phrases for t in d.subtree)


def _own_clause(verb: Token) -> set[int]:
    """Token indices of the verb's clause without the clauses inside it ('forces who were
    airdropped by helicopters', '..., killing', 'and attacked')."""
    skipped = {t.i for d in verb.subtree if d.i != verb.i and d.dep_ in CLAUSE_DEPS and d.pos_ in ("VERB", "AUX")
               for t in d.subtree}
    return {t.i for t in verb.subtree} - skipped
