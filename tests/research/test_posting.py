"""Reading a posting's fields, each with the sentence it came from."""

from __future__ import annotations

import pytest

from askback.research.posting import read_posting
from askback.research.posting_text import lines

STARTUP = """\
Full Stack Engineer at Pinecone Health

Remote-first (anywhere in Europe) | €60k - €80k | Series A

- Build features with Ruby on Rails and React
- 4-day work week pilot, 28 days holiday
"""

CORPORATE = """\
# Senior Backend Engineer

**Location:** Berlin, Germany (hybrid, 2 days a week in the office)

Acme builds software for freight. Join our Platform team.

## What you'll do

- Build APIs in Python that handle 4 million shipments a month
- Share the on-call rotation (one week in six)

## What we're looking for

- 5+ years building backend services

## Benefits

- 30 days of paid leave

## Our hiring process

A call with our recruiter, a take-home exercise and a final conversation.
"""


def test_a_corporate_posting_gives_every_field_with_its_evidence() -> None:
    fields = read_posting(CORPORATE, company="Acme")
    assert fields.title is not None and fields.title.value == "Senior Backend Engineer"
    assert fields.seniority is not None and fields.seniority.value == "senior"
    assert fields.location is not None and fields.location.value == "Berlin, Germany"
    assert fields.location.evidence == "Location: Berlin, Germany (hybrid, 2 days a week in the office)"
    assert fields.remote is not None and fields.remote.value == "hybrid"
    assert fields.team is not None and fields.team.value == "Platform"
    assert fields.salary is None
    assert [f.value for f in fields.stack] == ["Python"]
    assert [f.value for f in fields.practices] == ["on-call"]
    assert fields.responsibilities[0] == "Build APIs in Python that handle 4 million shipments a month"
    assert fields.requirements == ("5+ years building backend services",)
    assert fields.benefits == ("30 days of paid leave",)
    assert "take-home" in fields.process[0]


def test_a_startup_note_without_headings() -> None:
    fields = read_posting(STARTUP)
    assert fields.title is not None and fields.title.value == "Full Stack Engineer"
    assert fields.remote is not None and fields.remote.value == "remote"
    assert fields.location is not None and fields.location.value == "Europe"
    assert fields.salary is not None
    assert (fields.salary.value.minimum, fields.salary.value.maximum) == (60_000, 80_000)
    assert fields.salary.evidence == "Remote-first (anywhere in Europe) | €60k - €80k | Series A"
    assert [f.value for f in fields.stack] == ["Ruby on Rails", "React"]


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("We are a remote-friendly, flexible team.", None),
        ("This role is fully remote.", "remote"),
        ("We work hybrid: Tuesdays and Thursdays at the office.", "hybrid"),
        ("You'll be based in our London office four days a week.", "hybrid"),
        ("This is an office-based role in central Manchester.", "onsite"),
        ("Interns work in person at our New York office.", "onsite"),
    ],
)
def test_remote_policy_is_only_what_the_posting_states(text: str, policy: str | None) -> None:
    fields = read_posting("Backend Engineer\n\n" + text)
    assert (fields.remote.value if fields.remote else None) == policy


def test_the_company_name_is_not_part_of_the_title() -> None:
    fields = read_posting("Data Engineer – Kettle Analytics (London)\n\nKettle helps restaurants.", company="Kettle")
    assert fields.title is not None and fields.title.value == "Data Engineer"
    assert fields.location is not None and fields.location.value == "London"


@pytest.mark.parametrize(
    "sentence",
    [
        "We are hiring an experienced, pragmatic backend engineer who enjoys boring technology.",
        "We are looking for a talented and curious Backend Engineer to join us.",
    ],
)
def test_praise_is_not_part_of_the_title(sentence: str) -> None:
    fields = read_posting("Hello from Gorseberry!\n\n" + sentence)
    assert fields.title is not None and fields.title.value.lower() == "backend engineer"


def test_a_title_found_in_prose() -> None:
    fields = read_posting("Hello!\n\nWe're looking for a Senior Data Engineer to build our pipelines.")
    assert fields.title is not None and fields.title.value == "Senior Data Engineer"
    fields = read_posting("Hi! We're Juniper.\n\nWe're hiring our first Product Designer. You'd work in Figma.")
    assert fields.title is not None and fields.title.value == "Product Designer"


def test_nothing_recognisable_is_reported_as_such() -> None:
    assert not read_posting("lorem ipsum dolor sit amet").recognised()
    assert read_posting(CORPORATE).recognised()


def test_a_job_boards_label_list_reads_as_labelled_lines() -> None:
    from datetime import UTC, datetime

    from askback.research.documents import RawPage
    from askback.research.posting_text import posting_text

    html = (
        b"<h2>Cloud Security Engineer (Remote)</h2><dl><dt>locations</dt><dd>United States (Remote)</dd>"
        b"<dt>time type</dt><dd>Full time</dd></dl><p>We secure hospitals.</p>"
    )
    title, text = posting_text(RawPage("u", "posting.html", "text/html", html, None, datetime.now(UTC)))
    fields = read_posting(text, html_title=title)
    assert fields.title is not None and fields.title.value == "Cloud Security Engineer"
    assert fields.remote is not None and fields.remote.value == "remote"
    assert fields.location is not None and fields.location.value == "United States"
    assert fields.location.evidence == "locations: United States (Remote)"


def test_lines_keep_headings_and_join_wrapped_paragraphs() -> None:
    found = lines("# Role\n\nWe build tools\nfor farmers.\n\nWHAT YOU BRING\n- Python")
    assert [(line.headings, line.text) for line in found] == [
        (("Role",), "We build tools for farmers."),
        (("Role", "What You Bring"), "Python"),
    ]


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Location: Utrecht, Netherlands (hybrid)", "Utrecht, Netherlands"),
        ("Location: Dubai, UAE", "Dubai, UAE"),
        ("Quill Legal Tech, Manchester, UK", "Manchester, UK"),
        ("Location: Remote (EMEA)", "EMEA"),
    ],
)
def test_places_in_labelled_and_meta_lines(line: str, place: str) -> None:
    fields = read_posting(f"Backend Engineer\n\n{line}\n\nYou will build APIs.")
    assert fields.location is not None and fields.location.value == place


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("This is a remote role, open to candidates based in Canada.", "remote"),
        ("Poste basé à Nantes, télétravail 2 jours par semaine.", "hybrid"),
        ("Ubicación: Madrid (híbrido)", "hybrid"),
        ("We offer flexible working and trust you to organise your week.", None),
        ("We're in the office Tuesday to Thursday.", "hybrid"),
        ("This role requires being at the factory in Utrecht full time, not from home.", "onsite"),
    ],
)
def test_remote_policy_in_more_words_and_languages(text: str, policy: str | None) -> None:
    fields = read_posting("Backend Engineer\n\n" + text)
    assert (fields.remote.value if fields.remote else None) == policy


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("This is a remote role, open to candidates based in Canada.", "Canada"),
        ("Fully remote, but you must live in the EU.", "EU"),
        ("Remote across APAC: we hire in Australia, Singapore and Japan.", "APAC"),
        ("iOS Engineer (Lisbon or remote in Portugal)", "Lisbon, Portugal"),
        ("Ginkgo Home · Remote-US", "US"),
        ("Home-based (UK) with occasional travel to our Leeds office", "UK"),
        ("We're fully remote, between Lisbon and Warsaw, so please be in a European time zone.", "Europe"),
    ],
)
def test_where_a_remote_job_may_be_done_from(text: str, place: str) -> None:
    fields = read_posting("Backend Engineer\n\nWe were founded in Stockholm in 2015.\n\n" + text)
    assert fields.remote is not None and fields.remote.value == "remote"
    assert fields.location is not None and fields.location.value == place


def test_the_companys_headquarters_is_not_the_jobs_place() -> None:
    fields = read_posting(
        "# Careers at Moss Mutual\n\n## Senior Software Engineer, Claims Platform\n\n"
        "Moss Mutual is an insurer headquartered in Chicago, with offices in Austin and Denver.\n\n"
        "This position is based in our Denver, Colorado office, with hybrid flexibility."
    )
    assert fields.title is not None and fields.title.value == "Senior Software Engineer, Claims Platform"
    assert fields.location is not None and fields.location.value == "Denver, Colorado"
    assert fields.location.evidence.startswith("This position is based in our Denver")


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Développeur Full Stack H/F", "Développeur Full Stack"),
        ("Ingeniero/a de Datos Senior", "Ingeniero/a de Datos Senior"),
        ("Desenvolvedor(a) Front-end Pleno", "Desenvolvedor(a) Front-end Pleno"),
        ("Freelance iOS Developer — £45 to £55 per hour", "Freelance iOS Developer"),
        ("We're hiring! Senior Platform Engineer", "Senior Platform Engineer"),
        ("Backend Engineer, Berlin", "Backend Engineer"),
        ("Senior Product Manager, Payments (Remote - US)", "Senior Product Manager, Payments"),
        ("Senior Backend Engineer (f/m/d) – Hybrid in Berlin", "Senior Backend Engineer"),
        ("Job ad: Backend Developer", "Backend Developer"),
        ("Senior Backend Engineer - job post", "Senior Backend Engineer"),
        ("🚀 Senior iOS Engineer 🚀", "Senior iOS Engineer"),
        ("[Remote] Engineering: Staff Data Engineer", "Staff Data Engineer"),
        ("Are you a Machine Learning Engineer who wants to work on weather?", "Machine Learning Engineer"),
        ("About Mango. Join us as a Senior Data Engineer and help us price guitars.", "Senior Data Engineer"),
        ("📍 Berlin · Office-first", None),
    ],
)
def test_titles_in_other_languages_and_with_pay_beside_them(first_line: str, title: str | None) -> None:
    fields = read_posting(first_line + "\n\nWe build tools for farmers.")
    assert (fields.title.value if fields.title else None) == title


def test_the_companys_own_name_is_not_in_its_stack() -> None:
    text = "Senior SRE\n\nCypress Logistics · US-based remote\n\nCypress runs on Kubernetes and Datadog."
    fields = read_posting(text, company="Cypress Logistics")
    assert [f.value for f in fields.stack] == ["Kubernetes", "Datadog"]
    assert fields.location is not None and fields.location.value == "US"
    assert fields.remote is not None and fields.remote.value == "remote"


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("You will run our hybrid cloud on Azure. This position is on-site in Frankfurt.", "onsite"),
        ("Then an on-site interview at our studio where you meet the team.", None),
        ("Remote work is possible up to 2 days a week.", "hybrid"),
        ("Remote (UK only), around 3 days a week of work.", "remote"),
        ("We work 5 days a week in the office.", "onsite"),
        ("We offer five days of volunteering leave.", None),
        ("Location: Anywhere", "remote"),
        ("Hybrid: 3 days in our Berlin office, the rest wherever you like.", "hybrid"),
        ("We work from the Berlin office on Tuesdays and Thursdays.", "hybrid"),
        ("Flexible working: most of us come in to our Amsterdam office twice a week.", "hybrid"),
        ("Modalidad: Teletrabajo 100% desde España", "remote"),
        ("In office: 3 days/week", "hybrid"),
        ("You can work remotely up to two days a week.", "hybrid"),
        ("Remote: No", "onsite"),
        ("Juniperberry Analytics | Remote-friendly (EU) | Full-time", None),
        ("Our team is distributed across Europe.", "remote"),
        ("We build distributed systems in Go.", None),
    ],
)
def test_policy_words_about_something_else_are_not_a_policy(text: str, policy: str | None) -> None:
    fields = read_posting("Backend Engineer\n\n" + text)
    assert (fields.remote.value if fields.remote else None) == policy


def test_two_cities_in_prose() -> None:
    fields = read_posting(
        "Staff Product Designer\n\nYou'll be based in London or Lisbon, two days a week in the office."
    )
    assert fields.location is not None and fields.location.value == "London or Lisbon"


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Snr Developer – Trading Systems", "senior"),
        ("Medior Frontend Developer", "mid"),
        ("Werkstudent Softwareentwicklung (m/w/d)", "intern"),
        ("Trainee Software Developer (2-year programme)", "junior"),
        ("Desenvolvedor(a) Front-end Pleno", "mid"),
    ],
)
def test_seniority_words_of_other_places(title: str, level: str) -> None:
    fields = read_posting(title + "\n\nWe build tools for farmers.")
    assert fields.seniority is not None and fields.seniority.value == level


def test_a_city_named_before_based() -> None:
    fields = read_posting("Founding engineer\n\nSF-based, in person 5 days/week in our Mission District office.")
    assert fields.location is not None and fields.location.value == "SF"
    assert fields.remote is not None and fields.remote.value == "onsite"


def test_a_remote_job_is_not_placed_in_the_companys_office_city() -> None:
    fields = read_posting(
        "Senior Backend Engineer (Remote)\n\nOur small office is in Porto, where the founders live.\n\n"
        "You can work from anywhere. We get together for a week every quarter in Porto."
    )
    assert fields.remote is not None and fields.remote.value == "remote"
    assert fields.location is None


def test_countries_named_in_their_own_language() -> None:
    fields = read_posting("Desarrollador/a Backend Java\n\nModalidad: Teletrabajo 100% desde España")
    assert fields.location is not None and fields.location.value == "España"


def test_a_title_after_a_pages_first_lines() -> None:
    fields = read_posting("Skip to main content\nJobs\nSign in\nPlatform Engineer\nRemote (Canada)\n\nWe run payroll.")
    assert fields.title is not None and fields.title.value == "Platform Engineer"
    assert fields.location is not None and fields.location.value == "Canada"


def test_a_city_or_remote_keeps_the_city() -> None:
    fields = read_posting("VP of Engineering\n\nAcme builds HR software.\n\nSan Diego, CA or Remote (US) · Full-time")
    assert fields.remote is not None and fields.remote.value == "remote"
    assert fields.location is not None and fields.location.value == "San Diego, CA"


def test_a_level_the_prose_states_when_the_title_has_none() -> None:
    fields = read_posting("# Backend Engineer, Payments\n\nThis is a senior role: you'll own the payments service.")
    assert fields.seniority is not None and fields.seniority.value == "senior"
    assert fields.seniority.evidence.startswith("This is a senior role")
    assert read_posting("# Backend Engineer\n\nOur senior engineers will mentor you.").seniority is None
