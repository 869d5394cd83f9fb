"""Whether a violent act is fought between armed sides: a battle (FIGHT), or violence on the unarmed.

ACLED's codebook keeps Battles for a clash of two armed, organised sides and codes violence against
people who are unarmed or take no part in the fighting as violence against civilians. These rules
read who fought whom from the act's words where the sides' sectors alone cannot tell: a clash is
two-sided by meaning; a killing told as part of a gunfight is its battle; communities clashing fight
as communal militias; a soldier off duty or a captured militant is no armed side at that moment; a
headline's "Five soldiers wounded" names who was hit, not who hit. `strife.extract.events.coding`
asks them while refining a frame's type.
"""

from __future__ import annotations

from spacy.tokens import Token

from strife.extract import line_of
from strife.extract.events.communal import communal_group, community_members, line_tells_deaths, rival_residents
from strife.extract.events.frame import Frame
from strife.extract.events.sides import ARMED, lexical_side, side_of
from strife.extract.events.triggers import word_keys
from strife.extract.events.weapon_modes import clause_text
from strife.extract.events.weapons import names_any, small_arms_named
from strife.ontology import Ontology


def two_sided(frame: Frame, onto: Ontology) -> bool:
    """'clashed with farmers', 'a shoot-out broke out': a clash has two sides by meaning, so it
    stays a battle (the lexicon row's lemma counts too: 'shoot-out' ends on the token 'out')."""
    words = onto.words("two_sided_lemmas")
    return bool(word_keys(frame.trigger.token) & words) or frame.trigger.entry.lemma.lower() in words


def community_militia_kills(frame: Frame, onto: Ontology) -> bool:
    """'Youths from the Dima community attacked a camp of the Wula militia, killing two': members of a
    community who attack an armed group and kill, with no crowd weapon told, fight as their
    community's (identity) militia, which ACLED codes as a battle, not mob violence."""
    line = line_of(frame.trigger.token)
    return bool(frame.sources) and all(community_members(t, onto) for t in frame.sources) and line_tells_deaths(
        frame.trigger.token, onto) and not names_any(" ".join(t.lower_ for t in line), onto.words("crowd_weapon_words"))


def communal_attack_kills(frame: Frame, onto: Ontology) -> bool:
    """'Members of the Tobi community raided a Kalu village, killing 4', 'youths of the Dema clan
    attacked traders, killing 2': a community, clan or tribe (communal_group, community_members) whose
    people attack and kill, with no crowd weapon told, act as its (identity) militia, which ACLED
    codes as violence against civilians, not as a mob's riot. A livelihood ('herders';
    livelihood_communal_nouns) makes an identity militia only in the codebook's exceptional cases, so
    herders alone stay a crowd unless told armed; a beating or lynching (the 'beat' mode,
    mob_justice_verbs) stays the crowd's mob violence."""
    token = frame.trigger.token
    if frame.plover != "ASSAULT" or frame.mode == "beat" or not frame.sources:
        return False
    if word_keys(token) & onto.words("mob_justice_verbs"):
        return False
    livelihood = onto.words("livelihood_communal_nouns")
    if not all((communal_group(t, onto) and t.lemma_.lower() not in livelihood) or community_members(t, onto)
               for t in frame.sources):
        return False  # 'herders attacked farmers': a livelihood, an identity only in exceptional cases
    line = line_of(token)
    return line_tells_deaths(token, onto) and not names_any(" ".join(t.lower_ for t in line), onto.words("crowd_weapon_words"))


def explosives_with_gunfire(frame: Frame, onto: Ontology) -> bool:
    """'Militants attacked the police station with IEDs and gunfire': explosives or grenades used
    in an assault on an armed side that the same clause tells was also fought with small arms are
    part of a ground attack, which ACLED codes as the battle (Armed clash), as it does remote
    violence told as part of a ground assault (`weapon_modes` leaves support phrases out); a bomb alone stays the remote
    explosive or grenade. On an armed side the caller makes it a battle; on people who are no armed
    side ('attacked the house with guns and grenades, killing two') an attack in person with firearms,
    violence against civilians."""
    return frame.mode in ("IED", "grenade") and small_arms_named(clause_text(frame), onto)


def held_captive(targets: list[Token], onto: Ontology) -> bool:
    """'Soldiers executed two captured militants', 'killed a kidnapped policeman', 'militants who
    were in custody': a fighter or a member of a force held captive cannot fight back, and ACLED's
    codebook codes violence against people who are unarmed and take no part in fighting, detainees
    among them, as violence against civilians, not a battle (roles.yaml captive_words, among the
    modifiers of each one attacked; captive_phrases, in its own phrase and relative clauses)."""
    words, phrases = onto.words("captive_words"), onto.words("captive_phrases")
    return bool(targets) and all(
        any(c.lower_ in words for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i)
        or names_any(" ".join(d.lower_ for d in t.subtree), phrases) for t in targets)


def no_longer_serving(targets: list[Token], onto: Ontology) -> bool:
    """'Gunmen killed a retired soldier on his farm', 'a retired police inspector': a member of the
    state's forces the text tells no longer serves is no armed side, and ACLED codes an attack on people
    who take no part in the fighting as violence against civilians, not a battle (roles.yaml
    former_role_words, among the modifiers before each one attacked, or a prefix of the list written
    with a hyphen; civilians beside them and places do not count). The caller asks for the state's
    forces only: armed groups' former members often still fight."""
    words = onto.words("former_role_words")

    def former(target: Token) -> bool:
        before = [c for c in target.children if c.i < target.i and c.dep_ in ("amod", "compound", "advmod", "nmod", "punct")]
        return any(c.lower_ in words for c in before) or any(target.lower_.startswith(w + "-") for w in words) or (
            target.i >= 2 and target.doc[target.i - 1].text == "-" and target.doc[target.i - 2].lower_ in words)
    # the people attacked who may bear arms: not a civilian beside them ('a retired colonel and his
    # driver'), not a place ('the former army base'), not the parse's split-off prefix ('ex', '-')
    armed = [t for t in targets if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in words and t.text != "-"
             and t.lemma_.lower() not in onto.words("owner_nouns") and lexical_side(t, onto) != "civilian"]
    return bool(armed) and all(former(t) for t in armed)


def off_duty(frame: Frame, onto: Ontology) -> bool:
    """'Gunmen shot dead a soldier who was off duty at his home', 'an unarmed policeman': ACLED's
    codebook keeps Battles for a clash of two armed, organised sides and codes violence against
    people who are unarmed and take no part in the fighting as violence against civilians; a member
    of the state's forces the report tells was off duty, on leave, unarmed or at home when he was
    attacked was no armed side at that moment (roles.yaml off_duty_words, read in the attack's own
    clause and its argument phrases, relative clauses of the one attacked included: 'a soldier who
    was on leave')."""
    told = " ".join(t.lower_ for target in frame.targets for t in target.subtree)
    return names_any(clause_text(frame) + " " + told, onto.words("off_duty_words"))


def household_attacked(frame: Frame, onto: Ontology) -> bool:
    """'Militants attacked the home of a police officer, killing his wife and son': an attack on the
    home of a member of the state's forces whose told victims are none of them armed fell on his
    household, whom ACLED counts as civilians (violence against civilians), not on an armed side;
    'killing 3 policemen' guarding it, or no victims told, leave the battle (roles.yaml home_of_words)."""
    told = " ".join(t.lower_ for target in frame.targets for t in target.subtree)
    if not frame.victims or not names_any(clause_text(frame) + " " + told, onto.words("home_of_words")):
        return False
    return side_of(frame.victims, [], onto, attacked=True) not in ARMED  # 'killing two of his guards': armed


def only_civilians_hit(frame: Frame, onto: Ontology) -> bool:
    """'Gunmen ambushed a commercial vehicle and killed 3 passengers': a one-sided attack (an ambush)
    on something whose words tell no side, whose told victims are every one of them civilians, fell
    on unarmed people: ACLED's violence against civilians, not a battle. A victim of an armed side
    among them ('3 civilians and 2 soldiers') leaves the battle; the caller asks only when the
    target's own words tell no side."""
    return bool(frame.victims) and all(side_of([v], [], onto, attacked=True) == "civilian" for v in frame.victims)


def fended_off(frame: Frame, onto: Ontology) -> bool:
    """'Soldiers repelled a Houthi attack': the target of a fight told as fending off an attack is
    the attacker (belligerents.add_repelled_attackers), armed whatever its sector, not someone attacked."""
    return frame.plover == "FIGHT" and frame.trigger.token.lemma_.lower() in onto.words("fending_off_verbs")


def within_a_fight(verb: Token, onto: Ontology) -> bool:
    """'A soldier was killed by militants in a gunfight', 'killed one in ongoing battles with
    rebels': a killing told as part of a clash is that clash's toll, and ACLED codes it as the
    battle (Battles), even when the dead are civilians caught in it."""
    if verb.pos_ != "VERB":
        return False
    words = onto.words("two_sided_lemmas")
    inner = {t.i for d in verb.subtree if d.i != verb.i and d.dep_ in ("relcl", "acl", "advcl", "ccomp", "parataxis")
             and not _tally_participle(d, onto)
             for t in d.subtree}  # 'killed a man who had fought in the war': the war is not this killing's
    return any(t.dep_ == "pobj" and t.lemma_.lower() in words and t.head.lower_ in ("in", "during", "amid")
               for t in verb.subtree if t.i not in inner)


def _tally_participle(token: Token, onto: Ontology) -> bool:
    """'1 man was killed and 4 others injured during a clash': a casualty participle hung on a
    tally's noun tells the same casualties' circumstance, which the killing shares."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in onto.words("casualty_verbs")


def telegraphic_passive(verb: Token, onto: Ontology) -> bool:
    """'Five soldiers wounded.', 'Two killed and 30 wounded in clashes': a note or a headline drops
    the auxiliary of a passive, so a casualty verb whose subject is a tally of people and which has
    no object, auxiliary or 'by' agent tells who was hit, not who hit."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
        return False
    to_death = _to_death(verb)
    if not (to_death or word_keys(verb) & onto.words("casualty_verbs")):
        return False
    deps = {c.dep_ for c in verb.children if not _clause_before_a_semicolon(c, verb)}
    if to_death and verb.dep_ == "acl" and verb.head.i < verb.i and not deps & {"dobj", "agent"}:
        return True  # 'Sectarian killing: a Shia man shot dead in ...': a reduced relative, its noun the victim
    if "nsubj" not in deps or deps & {"dobj", "aux", "auxpass", "agent", "nsubjpass", "ccomp", "xcomp"}:
        return False
    return to_death or any(_counted(s) for s in verb.children if s.dep_ == "nsubj")


def _to_death(verb: Token) -> bool:
    """'A trader shot dead in ...', 'a man hacked to death': a verb of violence told with its result
    and no object is a headline passive whoever its subject (the active has an object: 'gunmen
    shot dead a trader')."""
    return any((c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "advmod", "xcomp"))
               or (c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children))
               for c in verb.children)


def _clause_before_a_semicolon(child: Token, verb: Token) -> bool:
    """'Gunmen raided the village; 2 herders killed': the parser may hang the clause before a
    semicolon on the tally's verb as its complement; that clause is the act, not the verb's own."""
    if child.dep_ != "ccomp" or child.i > verb.i:
        return False
    return any(t.text in (";", ":") for t in verb.doc[child.right_edge.i + 1:verb.i])


def _counted(subject: Token) -> bool:
    """A tally of people ('three soldiers', 'Two'), as casualty notes give them."""
    return subject.pos_ == "NUM" or subject.like_num or any(c.dep_ == "nummod" for c in subject.children)


def communal_clash(frame: Frame, onto: Ontology) -> bool:
    """'Clashes between Tobi and Kanyi communities', 'herders and farmers clashed': a clash one of
    whose sides is a community, clan, tribe or herders fights as an identity militia (ACLED codes
    communal fighting as a battle between communal militias, not a riot); roles.yaml
    communal_group_nouns, named_communal_nouns (these only after a proper name)."""
    if frame.plover != "FIGHT" or not two_sided(frame, onto):
        return False
    sides = [t for side in (frame.sources, frame.targets) for t in side]
    if any(communal_group(t, onto) for t in sides):
        # 'the Tobi and Kanyi communities clashed with sticks and stones': a crowd's weapons alone, no
        # firearm, make the communities' clash mob violence (ACLED Riots), as a brawl of rival villages is
        return not _crowd_weapons_only(frame, onto)
    if any(rival_residents(t, onto) for t in sides) and line_tells_deaths(frame.trigger.token, onto):
        # 'villagers of A and B clashed; four killed' (a brawl that only injures, or stone pelting, stays a riot)
        return not names_any(" ".join(t.lower_ for t in line_of(frame.trigger.token)), onto.words("crowd_weapon_words"))
    # 'two rival groups of villagers armed with guns clashed': sides that fight with firearms are
    # organised armed groups (ACLED's communal or political militias), not a mob; so are sides told
    # fighting with them in a participle of the clash's own verb ('clashed, exchanging gunfire')
    token = frame.trigger.token
    manner = " ".join(t.lower_ for c in token.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"
                      and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) for t in c.subtree)
    return names_any(clause_text(frame) + " " + manner, onto.words("clash_firearm_words"))


def _crowd_weapons_only(frame: Frame, onto: Ontology) -> bool:
    """Whether the clash's line names a crowd's weapons ('with sticks and stones', 'pelting stones';
    roles.yaml crowd_weapon_words) and no firearm (clash_firearm_words)."""
    line = " ".join(t.lower_ for t in line_of(frame.trigger.token))
    return names_any(line, onto.words("crowd_weapon_words")) and not names_any(line, onto.words("clash_firearm_words"))


def gun_fight(frame: Frame, onto: Ontology) -> bool:
    """'was killed in a gunfight with police', 'a shootout between robbers and police': a fight whose
    own noun names its firearms was fought by two armed sides (ACLED Battles), so its civilian-coded
    side is an armed one, not a rioting crowd (roles.yaml firearm_fight_nouns; 'gun battle' a compound);
    so was one told as sides exchanging fire (exchange_verbs with firearm_exchange_objects: 'traded
    gunfire'; exchanged blows or stones stay a crowd's)."""
    token = frame.trigger.token
    if frame.plover == "FIGHT" and token.pos_ == "VERB" and token.lemma_.lower() in onto.words("exchange_verbs"):
        # 'cadres of the party exchanged fire with police': both sides fired, as in a gunfight
        return any(c.dep_ == "dobj" and c.lemma_.lower() in onto.words("firearm_exchange_objects") for c in token.children)
    if frame.plover != "FIGHT" or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.lower_ in onto.words("firearm_fight_nouns") or token.lemma_.lower() in onto.words("firearm_fight_nouns"):
        return True
    return token.lemma_.lower() in onto.words("firearm_fight_heads") and any(
        c.dep_ == "compound" and c.lower_ == "gun" for c in token.children)


def defenders_who_killed(frame: Frame, onto: Ontology) -> bool:
    """'Villagers repelled an attack by cattle raiders, killing 3 raiders', 'villagers armed with
    machetes fought off cattle raiders; 2 raiders killed': people who fend off an attack on their
    village and kill attackers fought as its defence, a communal militia in ACLED's codebook, so the
    fight is a battle, not a crowd's riot. A line with no deaths, or fought with stones and sticks
    (crowd_weapon_words), stays the crowd's."""
    token = frame.trigger.token
    fending = fended_off(frame, onto) or (
        token.lemma_.lower() == "fight" and any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children))
    if not fending or not line_tells_deaths(token, onto):
        return False
    return not names_any(" ".join(t.lower_ for t in line_of(token)), onto.words("crowd_weapon_words"))


#: Personal pronouns a passive's subject may be, with the noun tags of their number.
_PASSIVE_PRONOUNS = {"he": ("NN", "NNP"), "she": ("NN", "NNP"), "they": ("NNS", "NNPS")}


def pronoun_victim_side(frame: Frame, onto: Ontology) -> str | None:
    """'The body of a policeman was found in the village; he had been shot by gunmen', 'two soldiers'
    bodies were found after they were killed by militants': the passive's subject is a pronoun, which
    English refers to the nearest person told before it in its line of its number (the arguments stage
    drops pronouns, so the act has no target of its own). The side of that person is the side of the one
    attacked; a body or remains stand for whose they are ('the body of a policeman', 'a soldier's body').
    None when the passive has no such pronoun, or no noun before it tells a side."""
    token = frame.trigger.token
    verbs = [token]
    if token.dep_ in ("xcomp", "oprd", "acomp", "ccomp", "advcl") and token.head.lemma_.lower() in onto.words("discovery_verbs"):
        verbs.append(token.head)  # 'he was later found killed': the pronoun is the subject of 'found'
    pronoun = next((c for v in verbs for c in v.children if c.dep_ == "nsubjpass" and c.lower_ in _PASSIVE_PRONOUNS), None)
    if pronoun is None:
        return None
    own = {t.i for s in frame.sources for t in s.subtree}
    line = line_of(token)
    for noun in reversed([t for t in line if t.i < pronoun.i and t.pos_ in ("NOUN", "PROPN") and t.i not in own]):
        if noun.tag_ not in _PASSIVE_PRONOUNS[pronoun.lower_]:
            continue
        side = lexical_side(_owner_of_remains(noun, onto), onto)
        if side:
            return side
    return None


def _owner_of_remains(noun: Token, onto: Ontology) -> Token:
    """'the body of a policeman', 'two policemen's bodies': a remains noun (roles.yaml remains_nouns)
    stands for the person it was, told by its 'of' object or its possessor; the noun itself otherwise."""
    if noun.lemma_.lower() not in onto.words("remains_nouns") and noun.lower_ not in onto.words("remains_nouns"):
        return noun
    owners = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    owners += [c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
    return owners[0] if owners else noun
