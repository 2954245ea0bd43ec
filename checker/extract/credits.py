"""Photo credits: where the credit block is, and who it names.

English wire credits come in a handful of house styles (AP's ``(AP Photo/Name)``, Reuters'
``REUTERS/Name``, AFP's ``(Photo by NAME / AFP)``, EPA's ``EPA/NAME``, Getty's ``Name/Getty
Images``...). They are all read the same way: find the block, split it into parts at ``/``,
``,`` and ``via``, and decide what each part is: an agency (from ``agencies.toml``), a flag
(File, Handout, Pool), a person, or an organisation that supplied the picture (the source).

Arabic captions credit at the end, in parentheses or after a dash (``(رويترز)``, ``- أ ف ب``,
``(مواقع التواصل-أرشيف)``), or with ``تصوير:``; some carry a Latin credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from checker.data import (
    Agency,
    agencies,
    agency_by_ar,
    agency_by_en,
    ar_compact,
    lexicon_cache,
    load_toml,
    register_dependent,
)
from checker.models import Credit, Span
from checker.normalize import Normalized, key_ar, key_en

# --- shared vocabulary ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Words:
    org: frozenset[str]
    not_person: frozenset[str]
    ranks: tuple[str, ...]
    noise: re.Pattern[str]
    platforms: frozenset[str]
    platforms_ar: frozenset[str]
    handout_ar: frozenset[str]
    own_ar: frozenset[str]
    notice: re.Pattern[str]
    organisation_nouns_ar: frozenset[str]


@cache
def _words() -> _Words:
    table = load_toml("credit_words.toml")
    ranks = sorted(table["ranks"], key=len, reverse=True)
    noise = "|".join(re.escape(n) for n in sorted(table["noise"], key=len, reverse=True))
    notices = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in table["notices"])
    return _Words(
        org=frozenset(key_en(w) for w in table["org"]),
        not_person=frozenset(key_en(w) for w in table["not_person"]),
        ranks=tuple(ranks),
        noise=re.compile(noise, re.IGNORECASE),
        platforms=frozenset(table.get("platforms", [])),
        platforms_ar=frozenset(ar_compact(w) for w in table.get("platforms_ar", [])),
        handout_ar=frozenset(ar_compact(w) for w in table.get("handout_ar", [])),
        own_ar=frozenset(ar_compact(w) for w in table.get("own_ar", [])),
        notice=re.compile(rf"\s+(?:{notices})\b[^()]*$"),
        organisation_nouns_ar=frozenset(key_ar(w) for w in table["organisation_nouns_ar"]),
    )


@lexicon_cache
def _en_agency_pattern() -> re.Pattern[str]:
    forms = sorted({f for a in agencies().values() for f in a.en}, key=len, reverse=True)
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s*") for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)


# --- English -------------------------------------------------------------------------------------

# A credit block that starts with a house-style marker and runs to the end of its line.
_EN_LEAD = re.compile(
    r"(?=[©RAEePCIF])"  # the first letters of the forms below: spares a try at every position
    r"(?:©\s*(?:\d{4}\s*)?)?"
    r"(?<![\w/])(?<!via\s)(?:REUTERS|Reuters\s*/|AFP\s+PHOTO|(?i:APAIMAGES\s+PHOTO)|EPA(?:-EFE)?\s*/|epa\d{6,}|"
    r"AP\s*Photo\b|Photo\s+credit\s+should\s+read|Photo\s+by\b|Photo\s*:|Foto\s*:|Credit\s*:|"
    r"Photograph\s*:|Image\s*:|Picture\s*:)"
    r"[^\n]*$"
)
_EN_PAREN = re.compile(r"[(\[]([^()\[\]\n]{1,200})[)\]]\s*\.?\s*$")
# "... April 20, 2023. Reuters TV via REUTERS": a last sentence "X via AGENCY" with no slash
_EN_VIA_TAIL = re.compile(
    r"(?:^|[.!?]\s+)([A-Z][^\n.!?/]{1,80}?\s+via\s+(?:REUTERS|Reuters|AP|AFP|Getty Images))\s*\.?\s*$"
)
# "Name/AFP", "Fouad/AFP/Getty Images", "Ali Ali/Keystone": a short tail line ending in an agency
_EN_NAME_SLASH_AGENCY = re.compile(
    # "Name/WANA (West Asia News Agency) via REUTERS": an acronym's expansion may follow it
    r"(?:^|\n|\||[.!?]\s)\s*([^\n|.!?]{2,90}/\s*(?:[^\n|/()]|\([^()\n/]{2,40}\)){2,70})\s*$"
)
_CREDIT_CUE = re.compile(
    r"\b(?:photo|photos|via|pool|handout|file|courtesy|stringer|images|credit)\b", re.IGNORECASE
)
_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "abu",
        "abou",
        "de",
        "da",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "le",
        "la",
        "del",
        "dos",
        "bint",
        "ben",
        "ul",
        "ud",
        "ad",
        "as",
    ]
)


@dataclass(frozen=True, slots=True)
class _Part:
    text: str
    start: int  # offsets in the normalised text
    end: int
    via: bool = False  # the part followed "via"


# "/", ",", "via", and "for" ("Photo by Name for The New York Times", "Getty Images for X")
# "(Reuters: Youssef Boudlal)": a colon after an agency's name parts it from the photographer
_EN_SEPARATORS = re.compile(
    r"\s*(?:[/\\,;|]|(?<=[A-Za-z]):(?=\s)|\bvia\b|\bfor\b|\s-\s)\s*", re.IGNORECASE
)
_AR_SEPARATORS = re.compile(r"\s*(?:[-/,;|]|(?<!\S)عبر(?!\S))\s*")  # عبر: "via"


_WEBSITE = re.compile(r"(?i)(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,4}")


def _two_names(part: _Part) -> list[_Part]:
    """ "Ghaith Alsayed and Omar Sanadiki": two photographers in one part, when both halves look
    like a person's name (an organisation's "and" stays: "Ministry of Culture and Tourism")."""
    m = re.search(r"\s+and\s+", part.text)
    if m is None:
        return [part]
    first, second = part.text[: m.start()], part.text[m.end() :]
    if not (_looks_like_person(first) and _looks_like_person(second)):
        return [part]
    if _is_org(first) or _is_org(second):
        return [part]
    return [
        _Part(first, part.start, part.start + len(first), part.via),
        _Part(second, part.start + m.end(), part.end, part.via),
    ]


def _split_parts(
    text: str, offset: int, separators: re.Pattern[str] = _EN_SEPARATORS
) -> list[_Part]:
    """Split a credit at its separators ('/', ',', 'via'...), keeping normalised offsets; a part
    that follows "via" is marked, since it names who distributed the photo."""
    parts: list[_Part] = []
    pos = 0
    via_next = False
    for m in [*separators.finditer(text), None]:
        stop = m.start() if m else len(text)
        chunk = text[pos:stop]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            begin = offset + pos + lead
            parts.append(_Part(chunk.strip(), begin, begin + len(chunk.strip()), via_next))
        if m:
            via_next = "via" in m.group(0).lower() or "عبر" in m.group(0)
            pos = m.end()
    return parts


@register_dependent
@lru_cache(maxsize=16384)
def _is_org(text: str) -> bool:
    key = key_en(text)
    org = _words().org
    return bool(set(key.split()) & org) or any(w in key for w in _multiword_orgs())


@register_dependent
@cache
def _multiword_orgs() -> tuple[str, ...]:
    return tuple(w for w in _words().org if " " in w)


def _looks_like_person(text: str) -> bool:
    words = text.replace(".", ". ").split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if len(words) == 1 and len(text) <= 6 and sum(c.isupper() for c in text) >= 2:
        return False  # "FDFA", "IDF", "MoH": an acronym names an organisation
    capitalised = 0
    for word in words:
        bare = word.strip(".'-")
        if not bare:
            continue
        head = bare.split("-")[0].casefold()
        if head in _PARTICLES or bare.casefold() in _PARTICLES:
            continue
        if not bare[0].isupper():
            return False
        capitalised += 1
    return capitalised >= 1


def _strip_rank(text: str) -> tuple[str, int]:
    for rank in _words().ranks:
        if text.startswith(rank + " "):
            return text[len(rank) + 1 :].lstrip(), len(text) - len(text[len(rank) + 1 :].lstrip())
    return text, 0


def _display_name(name: str) -> str:
    """Wire credits shout names (GUY PETERSON); reports give them as people write them."""
    if name.isupper() and any(ch.isalpha() for ch in name):
        return " ".join(w.capitalize() if w.isalpha() else w.title() for w in name.split())
    return name


_TRUNCATED = re.compile(r"\s*(?:\.{2,}|…)(?:\s*more)?\s*$", re.IGNORECASE)
_NAME_AND_ACRONYM = re.compile(r"(.+?)\s*\(([^()]+)\)")


def _parse_en_block(nt: Normalized, start: int, end: int, file_marker: bool) -> Credit | None:
    """Read an English credit block spanning ``nt.text[start:end]``."""
    raw = nt.text[start:end]
    work = _words().noise.sub(lambda m: " " * len(m.group(0)), raw)
    # EPA's picture id ("epa11616191 EPA/NAME") is no part of the credit
    work = _EPA_ID.sub(lambda m: " " * len(m.group(0)), work)
    # glued house markers: "AP PhotoHussein Malla", "REUTERS/Name", "AFP PHOTO / NAME"
    work = re.sub(r"^(\s*(?:©\s*)?(?:\d{4}\s+)?)", lambda m: " " * len(m.group(1)), work)
    work = re.sub(
        r"(?i)\b(Photo\s+credit\s+should\s+read|Photo\s+by|Photo\s*:|Foto\s*:|Credit\s*:|"
        r"Photograph\s*:|Image\s*:|Picture\s*:)",
        lambda m: " " * len(m.group(0)),
        work,
    )
    glued = re.match(r"(\s*)(AP\s*Photo)(?=[A-Z][a-z])", work)
    if glued:  # "(AP PhotoHussein Malla)": a slash was lost
        cut = glued.end()
        work = work[:cut] + "/" + work[cut + 1 :] if work[cut : cut + 1] == " " else work
        parts = _split_parts(work[:cut], start) + _split_parts(work[cut:], start + cut)
    else:
        parts = _split_parts(work, start)
    parts = [piece for part in parts for piece in _two_names(part)]

    lower = raw.casefold()
    file_flag = file_marker or bool(re.search(r"\bfile\b", lower))
    pool = bool(re.search(r"\bpool\b", lower))
    handout = bool(re.search(r"\bhandout\b|\bcourtesy\b|\bphoto via\b|social media", lower))

    found: list[tuple[int, str, int]] = []  # (tier, agency id, position)
    platform = False
    persons: list[tuple[str, Span]] = []
    sources: list[tuple[str, Span]] = []
    words = _words()
    agency_forms = agency_by_en()
    pattern = _en_agency_pattern()
    for index, part in enumerate(parts):
        text = part.text
        k = key_en(text)
        if not k:
            continue
        if text.strip() in words.platforms:  # "(X)", "Facebook": a handout from that platform
            sources.append((text.strip(), nt.span(part.start, part.end)))
            handout = platform = True
            continue
        whole = agency_forms.get(k)
        if whole is None and re.fullmatch(r"epa\d{6,}", k):
            whole = agency_forms.get("epa")
        if whole is None and text.endswith(")"):  # "Kuwait News Agency (KUNA)"
            named = _NAME_AND_ACRONYM.fullmatch(text.strip())
            if named:
                whole = agency_forms.get(key_en(named.group(1))) or agency_forms.get(
                    key_en(named.group(2))
                )
        joined = (
            [agency_forms.get(key_en(piece)) for piece in text.split("-")] if "-" in text else []
        )
        if whole is None and len(joined) > 1 and all(joined):
            # "AFP-Getty Images": two agencies joined by a hyphen
            found.extend((a.tier, a.id, index) for a in joined if a is not None)
            continue
        if whole is not None:
            found.append((whole.tier, whole.id, index))
            if whole.tier == 3:
                sources.append((whole.id, nt.span(part.start, part.end)))
            continue
        # a part that starts with an agency marker: "AP Photo", "Pool Photo", "Reuters TV"
        m = pattern.match(text)
        if m and m.end() < len(text) and not text[m.end()].isalnum():
            agency = agency_forms.get(key_en(m.group(0)))
            rest = text[m.end() :].strip()
            filler = not rest or key_en(rest) in words.not_person
            if agency is not None and (filler or agency.tier < 3):
                found.append((agency.tier, agency.id, index))
                if filler:
                    continue
                text = rest
                k = key_en(text)
        if k in words.not_person or re.fullmatch(r"(?:pool|file|handout)(?: photo)?", k):
            continue
        if re.fullmatch(r"(?:photo|pool photo|file photo)", k):
            continue
        name, cut = _strip_rank(text)
        # "EPA/HAITHAM...", "REUTERS/Mohammed...more": a name cut short on the page; what is left
        cut_short = _TRUNCATED.search(name) is not None and len(name) > 4
        name = _TRUNCATED.sub("", name) or name
        offset = part.start + (len(part.text) - len(text)) + cut
        span_end = offset + len(name)
        span = nt.span(offset, span_end)
        is_outlet = part.via or (handout and persons and index > 0 and "via" in lower)
        # "Armed Wing/Handout via REUTERS": who issued the handout, before any agency, is not a
        # photographer ("REUTERS/Name/Handout" names one)
        is_outlet = is_outlet or (
            not found
            and index + 1 < len(parts)
            and key_en(parts[index + 1].text).startswith("handout")
        )
        website = _WEBSITE.fullmatch(name) is not None  # "KHAMENEI.IR": a handout from a site
        handout = handout or website
        if not cut_short and (
            _is_org(name) or is_outlet or website or not _looks_like_person(name)
        ):
            courtesy = _COURTESY.match(name)
            if courtesy:  # "Courtesy of the Syrian Civil Defence": the source is the body named
                name, span = name[courtesy.end() :], nt.span(offset + courtesy.end(), span_end)
            if len(name) > 1:
                sources.append((name, span))
            continue
        persons.append((_display_name(name), span))

    if (
        not found
        and len(persons) >= 2
        and " " not in persons[-1][0]
        and parts
        and persons[-1][0].casefold() == parts[-1].text.strip().casefold()
    ):
        # "Credit: Hawre Khalid/Metrography": one word after the photographer, with no agency
        # named, is the outlet that credits the photo
        sources.append(persons.pop())
    if not found and not persons and not platform:
        return None
    agency_id: str | None = None
    if found:
        agency_id = min(found, key=lambda f: (f[0], f[2]))[1]
    # a second wire agency or a national agency named beside the wire is where the photo came from
    source_names = [s for s in sources if s[0] != agency_id]
    for tier, ident, _ in found:
        if ident != agency_id and tier == 1 and ident not in {s[0] for s in source_names}:
            source_names.append((ident, nt.span(start, end)))
    if (
        agency_id is None
        and persons
        and len(sources) == 1
        and parts
        and sources[0][1].end >= nt.span(parts[-1].start, parts[-1].end).end
    ):
        # "(Credit: Mohammad Yassine/L'Orient Today)": a newspaper's own photo, credited to it
        agency_id, source_names = sources[0][0], []
    source = source_names[0] if source_names else None
    if source is not None and not pool and not _photo_agency(source[0]):
        handout = True  # "(SANA via AP)"; not "Name/NurPhoto via Getty Images", an agency's own
    if agency_id == "social media":
        handout = True
    return Credit(
        text=nt.original_text(start, end),
        span=nt.span(start, end),
        agency=agency_id,
        photographers=tuple(p[0] for p in persons),
        photographer_spans=tuple(p[1] for p in persons),
        source=source[0] if source else ("Pool" if pool else None),
        source_span=source[1] if source else None,
        file=file_flag,
        handout=handout,
        pool=pool,
    )


def _photo_agency(name: str) -> bool:
    """Is this source a photo agency, whose pictures are its own work (so no handout)?"""
    agency = agencies().get(name)
    return agency is not None and agency.kind == "photo agency"


def _has_cue(content: str) -> bool:
    return bool(
        _en_agency_pattern().search(content)
        or _CREDIT_CUE.search(content)
        or content.strip() in _words().platforms
    )


_EPA_ID = re.compile(r"(?i)\bepa\d{6,}\b(?=\s+\S)")
_EN_PAREN_GLUED = re.compile(r"\(([^()\n]{1,200})\)(?=[A-Z][a-z])")
_COURTESY = re.compile(r"(?i)courtesy\s+(?:of\s+)?(?:the\s+)?")
_FILE_PHOTO = re.compile(r"\bfile (?:photo|image|picture)\b", re.IGNORECASE)


_ANY_PAREN = re.compile(r"\(([^()\n]{3,200})\)")


def other_credit_blocks(nt: Normalized, lang: str) -> list[Span]:
    """Every parenthesis of an English caption that reads as a credit ("(Photo by Name /
    AFP)"), wherever it stands: a caption may carry two. Arabic credits are one block."""
    if lang != "en" or "(" not in nt.text:
        return []
    return [
        nt.span(m.start(), m.end())
        for m in _ANY_PAREN.finditer(nt.text)
        if _CREDIT_CUE.search(m.group(1)) and "/" in m.group(1)
    ]


def find_en_credit(nt: Normalized) -> Credit | None:
    """The credit block of an English caption, or None."""
    text = nt.text.rstrip()
    notice = _words().notice.search(text, max(0, len(text) - 300))
    if notice and "/" in text[max(0, notice.start() - 120) : notice.start()]:
        # the credit stands before the notice (AFP's opens with " / == RESTRICTED ...")
        text = text[: notice.start()].rstrip(" /=-–")
    file_marker = bool(re.match(r"\s*FILE\b(?:\s+PHOTO)?\s*(?:[-:]|--)", text)) or bool(
        "file " in text.casefold() and _FILE_PHOTO.search(text) is not None
    )
    candidates: list[tuple[int, int]] = []
    m = _EN_PAREN.search(text)
    if m and _has_cue(m.group(1)):
        candidates.append((m.start(1), m.end(1)))
    # "(AP Photo/Name)Next caption": a credit glued to the text after it
    for glued in _EN_PAREN_GLUED.finditer(text):
        if _has_cue(glued.group(1)):
            candidates.append((glued.start(1), glued.end(1)))
    tail_from = max(0, len(text) - 260)
    m2 = _EN_LEAD.search(text, tail_from)
    if m2:
        candidates.append((m2.start(), m2.end()))
    via = _EN_VIA_TAIL.search(text, tail_from)
    if via:
        candidates.append((via.start(1), via.end(1)))
    m3 = _EN_NAME_SLASH_AGENCY.search(text)
    if m3 and _en_agency_pattern().search(m3.group(1)):
        candidates.append((m3.start(1), m3.end(1)))
    for start, end in sorted(candidates, key=lambda c: c[1] - c[0]):
        credit = _parse_en_block(nt, start, end, file_marker)
        if credit is not None:
            return credit
    # a credit before the caption: "Name/Source via AFP-Getty Images - PHOTO: Swiss rescuers..."
    lead = _EN_CREDIT_FIRST.match(text)
    if (
        lead
        and "/" in lead.group(1)
        and _en_agency_pattern().search(lead.group(1).replace("-", " "))
    ):
        return _parse_en_block(nt, lead.start(1), lead.end(1), file_marker)
    return None


_EN_CREDIT_FIRST = re.compile(r"\s*([^\n.:()]{4,100}?)\s+(?:-|--|–|—|\|)\s+(?:PHOTO:\s*)?(?=[A-Z])")


# --- Arabic --------------------------------------------------------------------------------------

_AR_PAREN = re.compile(
    r'\(([^()\n]{1,80})\)|"([^"\n]{1,60})"\s*\.?\s*$|\[([^\[\]\n]{1,80})\]\s*\.?\s*$'
)
# "... - رويترز", also with the dash glued to the word before it ("لجمعية- ايه ايه")
_AR_DASH_TAIL = re.compile(
    r"(?:(?:^|\s)[-/|]\s*|(?<=[\u0621-\u064a])-\s+)([^-\n()|]{2,40}?)\s*\.?\s*$"
)
_AR_COPYRIGHT = re.compile(r"©\s*([^\n©()]{2,80}?)\s*\.?\s*$")
_AR_LAST_SENTENCE = re.compile(r"[.،]\s+([^.\n،()]{2,30}?)\s*\.?\s*$")
_AR_PHOTOGRAPHER = re.compile(r"(?:^|\n|\s)(?:تصوير|عدسة|الصورة)\s*:?\s*([^\n()]{2,60}?)\s*\.?\s*$")
_AR_FILE = frozenset(
    ar_compact(w) for w in ("أرشيف", "أرشيفية", "صورة أرشيفية", "ارشيف", "من الأرشيف")
)
_AR_AGENCY_LEAD = re.compile(r"\s*([\u0621-\u064a. ]{2,30}?)\s+[-–—:]\s+(?=\S)")
_AR_FILE_AFTER = re.compile(r"\s*[-–—]\s*(?:صوره\s+)?(?:ارشيفيه|ارشيف)\s*\.?\s*$")
_LATIN_LEAD = re.compile(
    r"^\s*(Reuters|REUTERS|AFP|AP|EPA|Getty Images|Anadolu)(?=[\u0600-\u06ff\s])"
)


# "(الصورة من خدمة «نيويورك تايمز»)": the label before the credited name
_AR_CREDIT_LABEL = re.compile(
    r"^(?:(?:حقوق|مصدر)\s+الصوره|المصدر|الصوره|صوره)\s*(?:من|ل|عن)?\s*(?:خدمه|وكاله|موقع|صحيفه)?"
    r"\s*:?\s*"
)
_AR_PHOTO_LABEL = re.compile(r"^(?:تصوير|عدسه|بعدسه|المصور)\s*:?\s*")
_QUOTES = "«»\"“”'"


def _parse_ar_parts(nt: Normalized, start: int, end: int) -> Credit | None:
    content = nt.text[start:end]
    parts = []
    labelled = False  # "(تصوير: علي حسن)": a photographer named as such, a credit even alone
    split = _split_parts(content, start, _AR_SEPARATORS)
    # "(الرئاسة المصرية عبر أسوشيتد برس)": the part before عبر is where the photo came from
    before_via = {i for i in range(len(split) - 1) if split[i + 1].via}
    for p in split:
        text, s, e = p.text, p.start, p.end
        label = _AR_CREDIT_LABEL.match(text) or _AR_PHOTO_LABEL.match(text)
        if label and label.end() < len(text):
            labelled = labelled or label.re is _AR_PHOTO_LABEL
            text, s = text[label.end() :], s + label.end()
        stripped = text.strip(_QUOTES + " ")
        s += text.index(stripped[:1]) if stripped else 0
        parts.append((stripped, s, s + len(stripped)))
    agency: Agency | None = None
    file_flag = False
    own = False
    persons: list[tuple[str, Span]] = []
    source: tuple[str, Span] | None = None
    found_all: list[tuple[Agency, int, int]] = []
    organisations: list[tuple[str, Span]] = []
    for index, (text, s, e) in enumerate(parts):
        compact = ar_compact(text)
        found = agency_by_ar().get(compact)
        if found is None:
            found = agency_by_en().get(key_en(text)) if text.isascii() else None
        if found is None:
            # "وكالة الأنباء الفرنسية"-like long forms: an agency form at the end of the part
            for form, ag in agency_by_ar().items():
                if len(form) >= 4 and compact.endswith(form) and len(compact) - len(form) <= 6:
                    found = ag
                    break
        if found is not None:
            found_all.append((found, s, e))
            continue
        if compact in _AR_FILE:
            file_flag = True
            continue
        if compact in _words().own_ar:
            own = True  # "(الجزيرة - خاص)": the outlet's own photo
            continue
        if source is None and (compact in _words().handout_ar or compact in _words().platforms_ar):
            # "(من المصدر)": handed out; "(تويتر)": a handout from that platform
            source = (nt.original_text(s, e), nt.span(s, e))
            labelled = True
            continue
        if index in before_via and source is None:
            source = (nt.original_text(s, e), nt.span(s, e))
            continue
        words = key_ar(text).split()
        if words and words[0] in _words().organisation_nouns_ar:
            # "وكالة الأنباء الفلسطينية", "وزارة الصحة": an organisation, never a photographer
            organisations.append((nt.original_text(s, e), nt.span(s, e)))
            continue
        if 2 <= len(words) <= 4 and all(any("\u0600" <= c <= "\u06ff" for c in w) for w in words):
            persons.append((nt.original_text(s, e), nt.span(s, e)))
            continue
        return None  # a part we cannot read: this parenthesis is not a credit
    if found_all:
        # "(سانا عبر رويترز)": the wire carries the credit, the national agency is the source
        best = min(found_all, key=lambda f: f[0].tier)
        agency = best[0]
        other = next(  # a distributor (Getty Images) is no origin: "(غيتي/الفرنسية)"
            (f for f in found_all if f[0].id != agency.id and f[0].tier != 2), None
        )
        if other is not None and source is None:
            source = (other[0].id, nt.span(other[1], other[2]))
    at_end = not nt.text[end:].strip(' .)]"')
    if organisations and source is None and at_end:
        # "... (وزارة الصحة)" ending a caption: who gave the photo; beside a wire agency
        # ("(الرئاسة الإيرانية - الفرنسية)") the body that handed it out
        source = organisations[0]
        labelled = True
    if agency is None and not persons and not file_flag and source is None and not own:
        return None
    if agency is None and not file_flag and not own and len(parts) == 1 and not labelled:
        return None  # "(محمد علي)" alone is more likely a name in the text than a credit
    return Credit(
        text=nt.original_text(start, end),
        span=nt.span(start, end),
        agency=agency.id if agency else None,
        photographers=tuple(p[0] for p in persons),
        photographer_spans=tuple(p[1] for p in persons),
        source=source[0] if source else None,
        source_span=source[1] if source else None,
        file=file_flag,
        handout=bool(agency and agency.id == "social media")
        or (source is not None and not _photo_agency(source[0])),
        pool=False,
    )


_AR_HANDOUT = re.compile(
    r"(?:^|[\s(])(?:صوره|صور|لقطه|الصوره)\s+(?:التي\s+)?"
    r"(?:بثتها|نشرتها|وزعتها|اصدرتها|قدمتها|التقطتها|حصلت عليها)\s+"
    r"([^\n،,.()]{2,60})"
)


_AGENCY_WORD = re.compile(r"^(?:وكاله|الوكاله)\s+")


def _ar_handout_in_text(nt: Normalized) -> Credit | None:
    """ "صورة بثتها شبكة شام لضحايا القصف": the source named in the caption's own words."""
    m = _AR_HANDOUT.search(nt.text)
    if m is None:
        return None
    words = list(re.finditer(r"\S+", m.group(1)))
    base = m.start(1)
    by_ar = agency_by_ar()
    for n in range(min(4, len(words)), 0, -1):
        phrase = " ".join(w.group(0).strip(_QUOTES) for w in words[:n])
        found = by_ar.get(ar_compact(phrase)) or by_ar.get(ar_compact(_AGENCY_WORD.sub("", phrase)))
        if found is not None:
            s, e = base + words[0].start(), base + words[n - 1].end()
            if found.tier == 1 or _photo_agency(found.id):
                # "الصورة التي نشرتها وكالة رويترز": the wire's own photo, no handout
                return Credit(text=nt.original_text(s, e), span=nt.span(s, e), agency=found.id)
            return Credit(text=nt.original_text(s, e), span=nt.span(s, e), agency=found.id,
                          source=found.id, source_span=nt.span(s, e), handout=True)  # fmt: skip
    kept: list[re.Match[str]] = []
    for w in words[:3]:
        if w.group(0).startswith("ل") and kept:
            break  # "شبكة محلية لضحايا": the source ends where "for/of" begins
        kept.append(w)
    if not kept:
        return None
    s, e = base + kept[0].start(), base + kept[-1].end()
    source = nt.original_text(s, e)
    return Credit(text=source, span=nt.span(s, e), agency=None, source=source,
                  source_span=nt.span(s, e), handout=True)  # fmt: skip


def find_ar_credit(nt: Normalized) -> Credit | None:
    """The credit of an Arabic caption, or None."""
    text = nt.text.rstrip()
    # 0. "© Sputnik / Name" at the end: everything after the sign is the credit
    sign = _AR_COPYRIGHT.search(text)
    if sign:
        start, end = sign.start(), sign.end(1)  # the sign belongs to the credit, as in English
        if sign.group(1).isascii():
            credit = _parse_en_block(nt, start, end, False)
        else:
            credit = _parse_ar_parts(nt, start, end)
        if credit is not None:
            return credit
    # 1. parentheses, the last one that reads as a credit (usually at the very end)
    for paren in reversed(list(_AR_PAREN.finditer(text))):
        group = next(g for g in (1, 2, 3) if paren.group(g) is not None)
        credit = _parse_ar_parts(nt, paren.start(group), paren.end(group))
        if (
            credit is not None
            and group == 2
            and credit.agency is None
            and not credit.file
            and not _AR_PHOTO_LABEL.match(paren.group(2))
        ):
            continue  # '... مع «هيئة تحرير الشام»': a name quoted at the end, not its credit
        if credit is not None:
            if not credit.file and _AR_FILE_AFTER.match(text, paren.end()):
                credit = replace(credit, file=True)  # "(رويترز) - أرشيفية"
            return credit
    # 2. "... - رويترز" / "... / أ ف ب" at the end
    dash = _AR_DASH_TAIL.search(text)
    if dash:
        credit = _parse_ar_parts(nt, dash.start(1), dash.end(1))
        if credit is not None and (credit.agency is not None or credit.file):
            return credit  # "- رويترز", "- أرشيف"
    # 2b. "... يناير 2024. رويترز", "... ببيروت. Getty Images": an agency alone as the last sentence
    last = _AR_LAST_SENTENCE.search(text)
    if last:
        credit = _parse_ar_parts(nt, last.start(1), last.end(1))
        if credit is not None and credit.agency is not None:
            return credit
    # 3. "تصوير: رمزي أبو عامر"
    m = _AR_PHOTOGRAPHER.search(text)
    if m is not None:
        credit = _parse_ar_parts(nt, m.start(1), m.end(1))
        if credit is not None:
            return credit
        words = key_ar(m.group(1)).split()
        if 1 <= len(words) <= 5:
            span = nt.span(m.start(1), m.end(1))
            return Credit(
                text=nt.original_text(m.start(1), m.end(1)),
                span=span,
                agency=None,
                photographers=(nt.original_text(m.start(1), m.end(1)),),
                photographer_spans=(span,),
            )
    # 4. "صورة بثتها شبكة شام ...": a handout credited in the text itself
    credit = _ar_handout_in_text(nt)
    if credit is not None:
        return credit
    # 4b. "رويترز - دخان يتصاعد ...": the agency first, as a dateline of the photo
    lead_ar = _AR_AGENCY_LEAD.match(text)
    lead_agency = agency_by_ar().get(ar_compact(lead_ar.group(1))) if lead_ar else None
    if lead_ar and lead_agency is not None:
        s, e = lead_ar.start(1), lead_ar.end(1)
        return Credit(text=nt.original_text(s, e), span=nt.span(s, e), agency=lead_agency.id)
    # 5. a Latin credit inside the Arabic caption ("© AP Photo / Name"), or glued in front
    latin = find_en_credit(nt)
    if latin is not None:
        return latin
    lead = _LATIN_LEAD.match(text)
    if lead:
        m = lead
        agency = agency_by_en().get(key_en(m.group(1)))
        if agency is not None:
            return Credit(
                text=nt.original_text(m.start(1), m.end(1)),
                span=nt.span(m.start(1), m.end(1)),
                agency=agency.id,
            )
    return None


# --- credit-like strings outside a caption (image metadata) -----------------------------------


def agencies_in(text: str) -> set[str]:
    """The agencies a free-standing credit string names ("AP", "AFP/Getty Images", "رويترز")."""
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        words = key_ar(text).split()
        found = set()
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                agency = agency_by_ar().get(ar_compact(" ".join(words[i : i + n])))
                if agency:
                    found.add(agency.id)
        return found
    by_en = agency_by_en()
    return {
        by_en[key_en(m.group(0))].id
        for m in _en_agency_pattern().finditer(text)
        if key_en(m.group(0)) in by_en
    }


def is_person(text: str) -> bool:
    """Does a byline name a person (not an agency, an outlet, "Staff" or "Photographer")?
    A person has at least two names: a lone word in a byline is a role or a placeholder."""
    if agencies_in(text) or not 2 <= len(text.split()) <= 5:
        return False
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        return True
    key = key_en(text)
    return not _is_org(text) and key not in _words().not_person and _looks_like_person(text)
