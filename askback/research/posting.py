"""Reading a job posting: title, level, team, place, remote policy, pay, stack and sections.

Rules over the posting's lines, in the order a careful reader uses: labelled lines first
("Location: Berlin"), then the short meta lines around the title ("Remote (US) · Full-time"),
then the prose. Each field keeps the sentence it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from askback.core.jobs import Found, FoundSalary, JobFields
from askback.nlp.sentences import split_sentences
from askback.research import places
from askback.research.posting_salary import parse_salary, salary_score
from askback.research.posting_sections import sections
from askback.research.posting_stack import Mention, practices, technologies
from askback.research.posting_text import Line, lines

ROLE_NOUN = re.compile(
    r"\b(?:\w*(?:entwickler|architekt|administrator|leiter|berater)\w*|werkstudent\w*|working student"
    r"|trainee|apprentice|stagiaire|becari[oa]|engineer|developer|programmer|designer|manager|scientist|analyst"
    r"|architect|lead|head|director"
    r"|advocate|technician|specialist|consultant|administrator|intern|sre|devops|researcher|writer"
    r"|accountant|officer|coordinator|recruiter|marketer|owner|tester|qa|entwickler\w*|ingenieur\w*"
    r"|développeu\w*|programmierer\w*|desenvolvedor\w*|engenheir[oa]\w*|vp|cto|founder|associate|expert|strategist|ingenier[oa]s?|ingénieure?"
    r"|desarrollador(?:a|es)?|programador(?:a|es)?|arquitect[oa]|diseñador(?:a)?|analista|sviluppatore|ontwikkelaar"
    r"|inżynier|programista|chef de projet|responsable)s?\b",
    re.IGNORECASE,
)
TITLE_LABEL = re.compile(
    r"^(?:job title|position|role|title|job|job ad|job advert|vacature|stellenangebot|offre d'emploi|open role|open position|opening|vacancy|stelle|poste|puesto|vaga|cargo)"
    r"\s*[:–-]\s*(.+)$",
    re.IGNORECASE,
)
TITLE_PREFIX = re.compile(r"^(?:we(?:'|’)re hiring!?|we are hiring!?|hiring:?|now hiring:?|job:)\s*", re.IGNORECASE)
HIRING_HEAD = re.compile(r"^(?:we(?:'|’)re hiring|we are hiring|hiring|now hiring|job)\s*[:!\-–]", re.IGNORECASE)
COMPANY_CUT = re.compile(r"\s+(?:at|@)\s+.*$")
SEPARATORS = re.compile(r"\s+(?:\||·|•|—|–|-)\s+(?![^(]*\))")  # not inside "(Remote - US)"
GENDER = re.compile(
    r"\((?:[mwfdhx]\s*/\s*){1,3}[mwfdhx]\)|\b(?:[mwfdhx]/){2}[mwfdhx]\b|(?<=\s)(?:h/f|f/h|m/f|f/m|m/w|w/m)\s*$",
    re.IGNORECASE,
)
COMPANY_WORDS = re.compile(
    r"\b(?:inc|ltd|llc|gmbh|ag|bv|plc|corp|co-op|co|labs?|studios?|group|technologies|careers|jobs|yc\s\w+)\b\.?",
    re.IGNORECASE,
)
LEVEL_PROSE = re.compile(
    r"\b(?:this is an?|it(?:'|’)s an?|(?:looking for|hiring|seeking) an?)\s+(?P<level>junior|mid-level|senior|staff|principal)"
    r"\s+(?:role|position|level|\w+\s+(?:engineer|developer|designer|analyst|scientist|role|position))\b",
    re.IGNORECASE,
)
# Praise before a title in prose: "looking for an experienced, pragmatic Backend Engineer".
PRAISE = (
    r"(?:(?:experienced|talented|passionate|motivated|self-motivated|curious|pragmatic|skilled|driven|enthusiastic"
    r"|ambitious|great|strong|seasoned|brilliant|exceptional|outstanding|dedicated|hands-on|versatile|proactive"
    r"|thoughtful|detail-oriented|product-minded|creative|smart|humble|kind)(?:\s*,\s*|\s+and\s+|\s+))*"
)
PAGE_WORDS = re.compile(r"job post(?:ing)?|job description|job details|apply(?: now)?|careers?|jobs?", re.IGNORECASE)
HIRING_PROSE = re.compile(
    r"\b(?:looking for|hiring|seeking|searching for|join (?:us|our team|the team) as|are you)\s+(?:an?\s+|our\s+(?:first\s+)?)?"
    + PRAISE
    + r"(?P<title>[\w /&().,-]{3,80}?)"
    r"(?:\s+(?:to|who|in|at|for|with)|\s+(?:and|that|based|located)\b|(?<=[a-z]{3})[.!?](?:\s|$))",
    re.IGNORECASE,
)
SENIORITY = (
    ("intern", r"\bintern(?:ship)?\b|\bpraktikant|\bwerkstudent|\bworking student\b|\bstagiaire\b|\bbecari[oa]\b"),
    ("junior", r"\bj[uú]nior\b|\bjr\.?\b|\bgraduate\b|\bentry[- ]level\b|\btrainee\b|\bapprentice(?:ship)?\b"),
    ("mid", r"\bmid(?:-level|dle)?\b|\bmedior\b|\bintermediate\b|\bpleno\b|\bsemi[- ]?senior\b"),
    ("senior", r"\bs[eéê]nior\b|\bsr\.?\b|\bsnr\.?\b"),
    ("staff", r"\bstaff\b"),
    ("principal", r"\bprincipal\b"),
    ("lead", r"\blead\b|\bteam lead\b|\btech lead\b"),
    ("head", r"\bhead of\b|\bdirector\b|\bvp\b|\bvice president\b"),
)

LOCATION_LABEL = re.compile(
    r"^(?:location|locations|job location|work location|office location|where|based in|office|standort|arbeitsort"
    r"|lieu|lieu de travail|ubicación|ubicacion|local|localização|localidade|sede|sede di lavoro|luogo di lavoro"
    r"|standplaats|locatie|plaats|lokalizacja|miejsce pracy|arbetsort|placering|city|workplace location)"
    r"\s*[:–-]\s*(.+)$",
    re.IGNORECASE,
)
REMOTE_WORDS = re.compile(
    r"\b(?:fully remote|remote[- ]first|100\s?% remote|remote|hybrid\w*|on[- ]?site|in[- ]person|office[- ]based"
    r"|full[- ]time|part[- ]time|contract|permanent)\b",
    re.IGNORECASE,
)
POLICY_WORDS = re.compile(r"\b(?:remote|hybrid\w*|on[- ]?site|in[- ]person|office[- ]based)\b", re.IGNORECASE)
REMOTE_AREA = re.compile(
    r"\b(?:remote(?: (?:role|position|job|work|contract|opportunity|team))?|anywhere|distributed(?: team| company)?(?! systems| computing| databases?| tracing| ledgers?)"
    r"|t[ée]l[ée]tra(?:vail|bajo)(?: 100\s?%)?|(?:100\s?%\s)?remoto)(?:\W[^.;]{0,80}?\b(?:live|living|based|located|reside|residing"
    r"|residents?|candidates|hire|eligible to work)(?:\s+(?:based|located|only))?)??\s+(?:within|in|from|across|of|desde|depuis|en|aus)\s+"
    r"(?P<area>.+)",
    re.IGNORECASE,
)
TIME_ZONE_AREA = re.compile(
    r"\b(?P<area>European|North American|Latin American|South American|African|Asian|(?-i:[A-Z]{2,6}))"
    r"\s+(?:time ?zones?|working hours|business hours)\b",
    re.IGNORECASE,
)
# Sentences about the company's places rather than the job's: "headquartered in Chicago".
COMPANY_PLACE = re.compile(
    r"\b(?:headquartered|headquarters|hq|founded|started|born|offices (?:in|across)|teams? (?:sit|are|is) in"
    r"|engineering teams?|studios in|customers in|from \w+ to)\b",
    re.IGNORECASE,
)
JOB_PLACE = re.compile(
    r"\b(?:(?:this|the) (?:role|position|job)|you(?:'|’)ll (?:work|be based)|you will (?:work|be based)|based (?:in|at|out of)"
    r"|in our [\w ,]+ office|from our [\w ,]+ office|join us in|poste basé|work location)\b",
    re.IGNORECASE,
)
LOCATION_CUE = re.compile(
    r"\b(?:office|offices|based|located|headquartered|hq|studio|campus|lab|remote|hybrid|on[- ]?site|in[- ]person"
    r"|anywhere|within|team in|startup in|company in|agency in|work from|role is in|position is|join)\b",
    re.IGNORECASE,
)
TEAM_LABEL = re.compile(r"^(?:team|department|team name)\s*[:–-]\s*(.+)$", re.IGNORECASE)
TEAM_PROSE = re.compile(
    r"\b(?i:join|joining|lead|leading|grow|growing)\s+(?i:our|the)\s+(?P<team>(?:[A-Z][\w&-]*\s+){1,3})team\b"
)
# The policy the posting states: the first decisive cue wins, hybrid before remote before on-site.
HYBRID = re.compile(
    r"\bhybrid\w*|\b(?:one|two|three|four|[1-4])\s+days?\s*(?:a|per|each|/|every)?\s*week\b.{0,40}"
    r"\b(?:office|on[- ]?site|together|in person|büro|campus|studio)\b|\b(?:one|two|three|four|[1-4])\s+days?"
    r"\s+(?:on[- ]?site|in the office|at the office|in our office)\b|\bwork[- ]from[- ]home days?\b"
    r"|\b(?:mondays|tuesdays|wednesdays|thursdays|fridays)\b.{0,40}\b(?:office|together)\b"
    r"|\boffice\b.{0,30}\bevery (?:monday|tuesday|wednesday|thursday|friday)\b"
    r"|\boffice\b.{0,60}\b(?:four|three|two|one|[1-4])\s+days?\s+(?:a|per)\s+week"
    r"|\b(?:work(?:ing)? from home|from home)\b.{0,40}\b(?:rest of the week|other days|the rest)\b"
    r"|\b(?:in|at) the office\b.{0,20}\b(?:mondays?|tuesdays?|wednesdays?|thursdays?)\s+(?:to|through|until|-|–)\s"
    r"|\bin[- ]office\s*:\s*(?:one|two|three|four|[1-4])\s+days?\b"
    r"|\b(?:remote(?: work(?:ing)?)?|work(?:ing)? (?:from home|remotely)|home ?office|wfh)(?:\s+(?:is|are))?(?:\s+(?:possible|allowed"
    r"|permitted|available|optional))?(?:\s+(?:up to|for|on))?\s+(?:one|two|three|four|[1-4])\s+days?\s*(?:a|per|each|/"
    r"|every|of the)\s*week|\b(?:one|two|three|four|[1-4])\s+days?\s+(?:of\s+)?(?:remote|wfh|working from home"
    r"|from home|home ?office)\b|\b(?:one|two|three|four|[1-4]|zwei|drei)\s+tage?\s+mobiles arbeiten"
    r"|\b(?:one|two|three|four|[1-4])\s+days?\s+(?:a week\s+|per week\s+)?(?:in|at)\s+(?:the|our)\s+(?:[\w,-]+\s+){0,3}"
    r"(?:office|studio|hub|campus|hq)\b|\boffice\b.{0,30}\b(?:mondays|tuesdays|wednesdays|thursdays|fridays)\b"
    r"|\b(?:come in(?:to the office)?|in the office|in office|on[- ]?site)\b.{0,40}\b(?:twice|once|three times|[1-4] times)"
    r" (?:a|per) week\b|\bh[íi]brid[oa]\b|\bt[ée]l[ée]travail\s+(?:partiel|\d|un|deux|trois)|\b(?:\d|un|deux|trois)\s+jours?\s+(?:de\s+)?"
    r"t[ée]l[ée]travail|\b(?:\d|ein|zwei|drei)\s+tage?\s+(?:im\s+)?(?:homeoffice|home office|mobiles arbeiten)",
    re.IGNORECASE,
)
REMOTE = re.compile(
    r"\bfully remote\b|\bremote[- ]first\b|\b100\s?% remote\b|\bwork from anywhere\b|\banywhere in\b"
    r"|\bremote\s*\(|\bremote (?:within|in|from|across)\b|\bor remote\b|\bremote,|\bfully[- ]distributed\b"
    r"|\bwork (?:fully )?remotely\b|^remote\b|\bremote\s*$|\bremote\s+[·|–—-]\s|:\s*(?:fully\s+)?remote\b"
    r"|\bdistributed (?:team|company)\b|\b(?:team|company) is (?:fully )?distributed\b"
    r"|\(\s*(?:fully\s+|100\s?%\s+)?remote\s*\)|\bremote (?:role|position|job|opportunity|contract)\b|\bremote[- ]only\b"
    r"|\b(?:role|position|job) is (?:fully |100\s?% )?remote\b|\bhome[- ]based\b|\bremote\s*[-–/]\s*(?-i:[A-Z]{2})"
    r"|\b(?-i:[A-Z]{2,6})[- ]based remote\b|^\s*(?:location|where)\s*:\s*anywhere\b"
    r"|\b(?-i:US|UK|EU|EMEA|APAC|LATAM)[- ]remote\b|\bfull[- ]remote\b|\bt[ée]l[ée]travail (?:complet|total)"
    r"|\b(?:100\s?%\s*|en\s+|totalmente\s+)(?:remoto|t[ée]l[ée]travail)\b|\bteletrabajo\s+(?:100\s?%|total)",
    re.IGNORECASE,
)
NOT_REMOTE = re.compile(r"\bremote\s*(?::|-)\s*no\b|\bremote work is not (?:possible|an option)\b", re.IGNORECASE)
# Words of a policy that are about something else: "hybrid cloud", "an on-site interview".
NOT_POLICY = re.compile(
    r"\bhybrid (?:cloud|apps?|mobile|infrastructure|environments?|vehicles?|cars?|search|model(?:s|ling)?\b(?! of work))"
    r"|\b(?:on[- ]?site|in[- ]person) (?:interviews?|visits?|meetings?|events?|days?|workshops?|support|customers?)\b"
    r"|\bremote (?:sensing|monitoring|access|control|desktop|patient|teams?|work experience)\b|\bremote[- ]friendly\b",
    re.IGNORECASE,
)
ONSITE = re.compile(
    r"\bon[- ]?site\b|\bin[- ]person\b|\boffice[- ]based\b|\bin the office every day\b"
    r"|\b(?:5|five)\s+days\b(?:\s*(?:a|per|/)\s*week\b|\s+(?:in|at)\s+(?:the|our)\b)"
    r"|\bwork(?:ing)? from our (?:studio|office|lab|campus)\b|\bnot (?:a )?remote\b|\bneeds you here\b"
    r"|\boffice[- ]first\b|\bwork from (?:the )?office\b|\bnot (?:from home|remotely)\b|\bpresencial\b"
    r"|\bin[- ]office (?:role|position|job)\b"
    r"|\b(?:requires?|required) (?:being|you to be|to be|presence)\b.{0,40}\b(?:office|factory|site|lab|warehouse"
    r"|studio|store|plant|campus|clinic|hospital)\b",
    re.IGNORECASE,
)


def read_posting(text: str, html_title: str = "", company: str = "") -> JobFields:
    """Every field the posting states, each with its evidence sentence."""
    found = lines(text)
    context = "\n".join(line.text for line in found)
    title = _title(found, html_title, company, context)
    remote = _remote(found, title)
    location = _remote_area(found) if remote and remote.value == "remote" else None
    location = location or _location(found, title, remote=bool(remote and remote.value == "remote"))
    titled = [Line((), title.evidence)] if title else []
    stack = _mentions([*titled, *found], technologies)
    if company:  # Cypress Logistics' name is not its stack
        own = places.fold(company)
        stack = tuple(
            f for f in stack if own != places.fold(f.value) and not own.startswith(places.fold(f.value) + " ")
        )
    parts = sections(found)
    return JobFields(
        title=title,
        seniority=_seniority(title) or _stated_level(found),
        team=_team(found),
        location=location,
        remote=remote,
        salary=_salary(found, context, location.value if location else ""),
        stack=stack,
        practices=_mentions(found, practices),
        responsibilities=parts.responsibilities,
        requirements=parts.requirements,
        benefits=parts.benefits,
        process=parts.process,
    )


def _sentence(line: Line, needle: str | None = None) -> str:
    """The sentence of ``line`` that holds ``needle`` (the whole line when it is one sentence)."""
    sentences = split_sentences(line.text) or [line.text]
    if needle:
        for sentence in sentences:
            if needle.lower() in sentence.lower():
                return sentence
    return sentences[0]


# Title and level


def _title(found: Sequence[Line], html_title: str, company: str, context: str) -> Found | None:
    for line in found[:15]:
        for text in (line.text, *line.headings):  # "Job title: ...", "## Open role: ..."
            if match := TITLE_LABEL.match(text):
                return Found(_clean_title(match.group(1), company, context), text)
    candidates: list[tuple[str, str]] = []
    if found:  # the headings above the first line: "Careers at Moss", then the job's own
        candidates += [(heading, heading) for heading in found[0].headings[:3]]
    if html_title:
        candidates.append((html_title, html_title))
    candidates += [
        (line.text, line.text)
        for line in found[:3]
        if len(line.text.split()) <= 14
        and "?" not in line.text  # "Are you a Senior Data Engineer who...?" is prose: below
        and not (HIRING_PROSE.search(line.text) and not HIRING_HEAD.match(line.text))  # "We are looking for a ..."
        and not (TITLE_PREFIX.match(line.text) and re.search(r"[a-z]{3}[.!?]\s+[A-Z]", TITLE_PREFIX.sub("", line.text)))
    ]
    candidates += [  # after a page's first lines ("Skip to main content", "Jobs", "Sign in"): short ones only
        (line.text, line.text)
        for line in found[3:6]
        if len(line.text.split()) <= 8 and not line.bullet and _title_case(line.text)
    ]
    for raw, evidence in candidates:
        title = _clean_title(raw, company, context)
        if title and ROLE_NOUN.search(title) and len(title.split()) <= 10:
            return Found(title, evidence)
    for line in found[:20]:
        if match := HIRING_PROSE.search(line.text):
            title = _clean_title(match.group("title"), company, context)
            head = re.split(r"[,(]", title)[0].split()  # "Senior Software Engineer, Payments"
            if head and ROLE_NOUN.search(head[-1]):
                return Found(title, _sentence(line, match.group("title")))
    return None


def _title_case(text: str) -> bool:
    """ "Senior Backend Engineer", not "We mentor new engineers" (a line that reads like a title)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'+#.-]*", text) if w.lower() not in ("of", "and", "for", "the", "&")]
    return bool(words) and not text.endswith((".", "!", "?", ":")) and all(w[0].isupper() for w in words)


def _clean_title(raw: str, company: str, context: str) -> str:
    text = TITLE_PREFIX.sub("", re.sub(r"^[^\w(\[]+|[^\w)]+$", "", raw.strip()))  # "🚀 Senior Engineer 🚀"
    text = re.sub(r"^\[[^\]]*\]\s*|\s*\[[^\]]*\]$", "", text)  # "[Remote] Senior Engineer"
    if ":" in text:  # "Engineering: Senior Backend Engineer"
        before, after = text.rsplit(":", 1)
        if ROLE_NOUN.search(after) and not ROLE_NOUN.search(before):
            text = after.strip()
    text = GENDER.sub("", COMPANY_CUT.sub("", text)).strip()
    segments = SEPARATORS.split(text)
    kept: list[str] = []
    for segment in segments:
        segment = _drop_place_parenthesis(segment.strip())
        if not kept:
            if ROLE_NOUN.search(segment):
                kept.append(_drop_place_suffix(segment))
            continue
        if (
            _is_company(segment, company, context)
            or places.is_place(segment)
            or REMOTE_WORDS.fullmatch(segment)
            or POLICY_WORDS.match(segment)  # "Hybrid in Berlin", "Remote, Europe"
            or salary_score(segment)
            or PAGE_WORDS.fullmatch(segment)
        ):
            break
        kept.append(segment)
    if not kept:
        return ""
    joined = kept[0] + "".join(f" – {s}" for s in kept[1:])
    return joined.strip(" ,:-–—")


def _drop_place_suffix(segment: str) -> str:
    """ "Backend Engineer, Berlin" -> "Backend Engineer"; "Engineer, Payments" stays."""
    parts = segment.split(",")
    while len(parts) > 1 and (places.is_place(parts[-1]) or POLICY_WORDS.fullmatch(parts[-1].strip())):
        parts.pop()
    return ",".join(parts)


def _drop_place_parenthesis(segment: str) -> str:
    def keep(match: re.Match[str]) -> str:
        inner = match.group(1)
        if POLICY_WORDS.search(inner) or places.first_place(inner):
            return ""
        return match.group(0)

    return re.sub(r"\s*\(([^)]*)\)", keep, segment).strip()


def _is_company(segment: str, company: str, context: str) -> bool:
    if company and places.fold(company) in places.fold(segment):
        return True
    if COMPANY_WORDS.search(segment):
        return True
    first = segment.split()[0] if segment.split() else ""
    pattern = rf"(?:^|[.!?]\s+){re.escape(first)}\b(?!\s+team)"
    return bool(first) and re.search(pattern, context, re.MULTILINE) is not None


def _stated_level(found: Sequence[Line]) -> Found | None:
    """A level the prose states when the title has none: "This is a senior role"."""
    for line in found[:30]:
        for sentence in split_sentences(line.text) or [line.text]:
            if match := LEVEL_PROSE.search(sentence):
                word = match.group("level").lower()
                level = next((lvl for lvl, pattern in SENIORITY if re.fullmatch(pattern, word, re.IGNORECASE)), None)
                if level:
                    return Found(level, sentence)
    return None


def _seniority(title: Found | None) -> Found | None:
    if title is None:
        return None
    best: tuple[int, str] | None = None
    for level, pattern in SENIORITY:
        match = re.search(pattern, title.value, re.IGNORECASE)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), level)
    return Found(best[1], title.evidence) if best else None


# Place and remote policy


def _location(found: Sequence[Line], title: Found | None, remote: bool = False) -> Found | None:
    """The job's place: a labelled line, a meta line near the title, else the sentence of the
    prose that ties the job to a place best (the company's headquarters last, and never for a
    remote job)."""
    for line in found[:30]:
        if match := LOCATION_LABEL.match(line.text):  # "Where: remote, with a monthly meet-up in Leeds"
            value = _place_in(match.group(1)) or places.first_place(match.group(1))
            if value:
                return Found(value, line.text)
    top = ([title.evidence] if title else []) + [line.text for line in found[:4]]
    for text in top:
        for segment in SEPARATORS.split(text) + re.findall(r"\(([^)]*)\)", text):
            value = _place_in(segment) if len(segment.split()) <= 8 else None
            if value:
                return Found(value, text)
    best: tuple[int, Found] | None = None
    for line in found:
        for sentence in split_sentences(line.text) or [line.text]:
            if not (LOCATION_CUE.search(sentence) or JOB_PLACE.search(sentence)):
                continue
            rank = 2 if JOB_PLACE.search(sentence) else 0 if COMPANY_PLACE.search(sentence) else 1
            if (best is None or rank > best[0]) and (place := places.first_place(sentence)):
                best = (rank, Found(place, sentence))
    return best[1] if best and best[0] > (1 if remote else -1) else None


def _remote_area(found: Sequence[Line]) -> Found | None:
    """Where a remote job may be done from: "100% remote within Poland" -> "Poland"."""
    for line in found:
        for sentence in split_sentences(line.text) or [line.text]:
            match = REMOTE_AREA.search(sentence)
            place = places.first_place(match.group("area")) if match else None
            if match and place:  # "Lisbon or remote in Portugal": the city, in the area
                city = re.search(r"([A-ZÀ-Ý][\w.À-ÿ-]*(?:\s[A-ZÀ-Ý][\w.À-ÿ-]*)?)\s+or\s+$", sentence[: match.start()])
                if city and places.kind(city.group(1)) == "city":
                    return Found(f"{city.group(1)}, {place}", sentence)
                return Found(place, sentence)
    for line in found:  # "Remote (Canada)", "Remote (US only)"
        for sentence in split_sentences(line.text) or [line.text]:
            for match in re.finditer(r"\bremote\b[^()]{0,15}\(([^)]+)\)", sentence, re.IGNORECASE):
                city = re.search(r"([^,;·|()]+(?:,\s*[A-Z]{2})?)\s+or\s+$", sentence[: match.start()])
                if city and (place := places.first_place(city.group(1))):  # "London or Remote (UK)": London
                    return Found(place, sentence)
                if place := _place_in(match.group(1)):
                    return Found(place, sentence)
    for line in found:  # "US-based remote"
        for sentence in split_sentences(line.text) or [line.text]:
            for based in re.finditer(r"\b((?:the\s)?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-based\b", sentence):
                if places.kind(based.group(1)) in ("country", "region", "state"):
                    return Found(based.group(1), sentence)
    for line in found:  # "be in a European time zone"
        for sentence in split_sentences(line.text) or [line.text]:
            if (zone := TIME_ZONE_AREA.search(sentence)) and (area := _area_of(zone.group("area"))):
                return Found(area, sentence)
    return None


def _area_of(word: str) -> str | None:
    adjective = {"european": "Europe", "north american": "North America", "latin american": "Latin America",
                 "south american": "South America", "african": "Africa", "asian": "Asia"}  # fmt: skip
    return adjective.get(word.lower()) or (word if places.kind(word) in ("country", "region") else None)


def _place_in(value: str) -> str | None:
    """The place in a label or meta segment: "Berlin, Germany (hybrid, ...)" -> "Berlin, Germany",
    "Remote (UK), occasional visits to Bristol" -> "UK", "📍 Berlin" -> "Berlin"."""
    value = re.sub(r"^[^\w(]+", "", value.strip())
    inner = re.findall(r"\(([^)]*)\)", value)
    outer = re.sub(r"\s*\([^)]*\)", "", value)
    pieces = [REMOTE_WORDS.sub("", p).strip(" ,:-–—/") for p in re.split(r"[;·|]|\s[–—-]\s", outer)]
    outer = next((p for p in pieces if p), "")  # "Remote — US or Canada": the piece after the policy
    outer = re.sub(r"^(?:or|and|in|within|from)\s+|[\s,]+(?:or|and|only)$", "", outer)
    if outer and places.is_place(outer):
        return outer
    if outer:
        head = outer.split(",")[0].strip()
        if places.is_place(head) and not inner:
            return places.first_place(outer) or head
        parts = [p.strip() for p in outer.split(",")]
        tail = next((i for i in range(1, len(parts)) if places.is_place(", ".join(parts[i:]))), None)
        if tail is not None:  # "Quill Legal Tech, Manchester, UK": the company, then the place
            return ", ".join(parts[tail:])
    for part in inner:
        cleaned = re.sub(r"^(?:anywhere in|within|in)\s+", "", REMOTE_WORDS.sub("", part).strip(" ,:"))
        cleaned = re.split(r"\s+(?:time zones?|timezones?|only|based)\b", cleaned)[0].strip()
        if cleaned and places.is_place(cleaned):
            return cleaned
        if places.first_place(part):
            return places.first_place(part)
    return None


def _remote(found: Sequence[Line], title: Found | None) -> Found | None:
    texts = ([title.evidence] if title else []) + [
        s for line in found for s in split_sentences(line.text) or [line.text]
    ]
    for policy, pattern in (("hybrid", HYBRID), ("onsite", NOT_REMOTE), ("remote", REMOTE), ("onsite", ONSITE)):
        for text in texts:
            if pattern.search(NOT_POLICY.sub(" ", text)):
                return Found(policy, text)
    return None


def _team(found: Sequence[Line]) -> Found | None:
    for line in found[:30]:
        if match := TEAM_LABEL.match(line.text):
            return Found(match.group(1).strip(), line.text)
    for line in found:
        if match := TEAM_PROSE.search(line.text):
            return Found(match.group("team").strip(), _sentence(line, match.group(0)))
    return None


# Pay and stack


def _salary(found: Sequence[Line], context: str, place: str) -> FoundSalary | None:
    best: tuple[int, int, str] | None = None
    for position, line in enumerate(found):
        for sentence in split_sentences(line.text) or [line.text]:
            score = salary_score(sentence, line.headings)
            if score and (best is None or score > best[0]):
                best = (score, position, sentence)
    if best is None:
        return None
    salary = parse_salary(best[2], context, place)
    return FoundSalary(salary, best[2]) if salary else None


def _mentions(found: Sequence[Line], finder: Callable[[str], list[Mention]]) -> tuple[Found, ...]:
    seen: dict[str, Found] = {}
    for line in found:
        for sentence in split_sentences(line.text) or [line.text]:
            for mention in finder(sentence):
                seen.setdefault(mention.name, Found(mention.name, sentence))
    return tuple(seen.values())
