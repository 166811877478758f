#!/usr/bin/env python3
"""Generate a large, policy-clean schoolsite site for benchmarking.

    python3 bench/generate_corpus.py OUT_DIR --posts N --people M [--seed S]
                                     [--theme-dir DIR] [--force]

Writes into OUT_DIR a complete site that `schoolsite build --date 2026-11-25`
publishes in full:

- site.yml: the sample site's settings with posts_per_page 10;
- themes/school/: a copy of the school theme (or of --theme-dir);
- content/register.csv: M people (pupils P00001…, plus staff S001…), names
  combined from fixed lists, with a realistic mix of consent flags, lapsed
  consent and do-not-publish entries;
- content/posts/YYYY-MM-DD-slug/: N approved posts of about 400 words each
  (headings, lists, emphasis, a link), dated up to 2026-11-01. One post in ten
  shows one photo (the same small JPEG each time) of 1-3 pupils with photo
  consent; some posts name a pupil with name consent by given name only.

Each post is approved: its approval.json is signed with an Ed25519 key derived
from the seed (written to OUT_DIR/approver.key, mode 600, in `schoolsite keygen`
format), whose public key replaces the approver's in site.yml. With --unsigned,
approval.json is an unsigned placeholder instead (the build then refuses every
post with approval.signature). Signing needs the Python `cryptography` package.

Every post passes the policy: the prose is built only from word lists that are
checked here against every register name (case- and accent-insensitively), and
each generated text is checked again before it is written. The output depends
only on N, M and the seed (and, for the photo bytes, on the Pillow version).
"""

import argparse
import base64
import csv
import datetime as dt
import hashlib
import io
import os
import json
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LAST_DATE = dt.date(2026, 11, 1)
FIRST_DATE = dt.date(2016, 9, 1)

# --------------------------------------------------------------------------
# Names. Given (and known-as) names never appear among family names, so a
# given name written alone is never half of someone else's full name.
# --------------------------------------------------------------------------

PUPIL_GIVEN = [
    "Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Freya", "Lily", "Florence", "Isabella",
    "Sophia", "Rosie", "Evie", "Poppy", "Elsie", "Harper", "Sienna", "Ella", "Aria", "Maya",
    "Zara", "Layla", "Aisha", "Fatima", "Maryam", "Hafsa", "Amira", "Zainab", "Priya", "Ananya",
    "Saanvi", "Aoife", "Niamh", "Siobhan", "Ciara", "Saoirse", "Zoë", "Chloé", "Inès", "Léa",
    "Noémie", "Zuzanna", "Oliwia", "Hanna", "Ingrid", "Astrid", "Sigrid", "Ngozi", "Chiamaka",
    "Adaeze", "Efua", "Mei", "Yuki", "Sakura", "Hina", "Leila", "Yasmin", "Nadia", "Esme",
    "Imogen", "Matilda", "Beatrice", "Clementine", "Ottilie", "Edie", "Nell", "Anna-Lena",
    "Oliver", "George", "Noah", "Arthur", "Leo", "Oscar", "Harry", "Archie", "Henry", "Charlie",
    "Freddie", "Theo", "Alfie", "Jacob", "Arlo", "Lucas", "Finley", "Mohammed", "Muhammad",
    "Yusuf", "Ibrahim", "Omar", "Hamza", "Zayn", "Arjun", "Rohan", "Vihaan", "Aarav", "Kabir",
    "Kacper", "Jakub", "Szymon", "Filip", "Mateusz", "Tomás", "Joaquín", "Mateo", "Santiago",
    "Luca", "Matteo", "Giovanni", "Kwame", "Kofi", "Chidi", "Emeka", "Tobi", "Femi", "Kenji",
    "Haruto", "Minh", "Eoin", "Cian", "Oisín", "Ruairí", "Seán", "Callum", "Angus", "Euan",
    "Rhys", "Dylan", "Gethin", "Iwan", "Emil", "Elias", "Mikkel", "Andrei", "Bogdan", "Dmitri",
    "Nikolai", "Bilal", "Tariq", "Idris", "Jean-Luc", "Thomas", "Alexander", "Frederick",
]

STAFF_GIVEN = [
    "Sarah", "David", "Rachel", "Michael", "Helen", "Andrew", "Claire", "Stephen", "Joanne",
    "Gareth", "Deborah", "Nasreen", "Rajesh", "Agnieszka", "Siobhán", "Kevin", "Lorraine",
]

# given name → known-as, for a share of the people who have one
KNOWN_AS = {
    "Amelia": "Millie", "Imogen": "Immy", "Isabella": "Bella", "Matilda": "Tilly",
    "Florence": "Flossie", "Beatrice": "Bea", "Thomas": "Tommy", "Alexander": "Xander",
    "Frederick": "Freddie", "Jakub": "Kuba", "Giovanni": "Gianni", "Mateusz": "Mati",
    "Oliwia": "Oli", "Muhammad": "Hamid", "Deborah": "Debbie", "Stephen": "Steve",
}

FAMILY = [
    "Kowalski", "Smith-Jones", "O'Neill", "Okafor", "Hussain", "Sharma", "MacLeod", "Rahman",
    "Lindqvist", "Nowak", "Thompson", "Silva", "Goldberg", "Mensah", "Chen", "Clarke",
    "Fairbairn", "Demir", "Walsh", "Patel", "Khan", "Jones", "Williams", "Davies", "Evans",
    "Roberts", "Hughes", "Edwards", "Robinson", "Jackson", "Harris", "Lewis", "Wilson",
    "Johnson", "Murphy", "O'Brien", "O'Connor", "McCarthy", "Byrne", "Doyle", "Kelly",
    "Gallagher", "Campbell", "Stewart", "MacDonald", "Anderson", "Henderson", "Robertson",
    "Ferguson", "Nguyen", "Tran", "Pham", "Wang", "Zhang", "Liu", "Huang", "Tanaka", "Suzuki",
    "Sato", "Yamamoto", "Kim", "Park", "Choi", "Singh", "Kaur", "Gupta", "Mistry", "Chaudhry",
    "Begum", "Akhtar", "Iqbal", "Malik", "Qureshi", "Mahmood", "Adeyemi", "Okonkwo", "Eze",
    "Nwosu", "Boateng", "Asante", "Owusu", "Osei", "Yilmaz", "Kaya", "Çelik", "Şahin",
    "Özdemir", "Rossi", "Russo", "Esposito", "Bianchi", "Romano", "García", "Fernández",
    "López", "Martínez", "González", "Rodríguez", "Pereira", "Costa", "Santos", "Oliveira",
    "Ferreira", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Novak",
    "Horváth", "Kovács", "Nagy", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
    "Popescu", "Ionescu", "Petrov", "Ivanova", "Andersson", "Johansson", "Nilsson", "Larsen",
    "Jensen", "Hansen", "van der Berg", "de la Cruz", "Cohen", "Levy", "Friedman", "Abramowicz",
    "Fitzgerald", "Kennedy", "Sutherland", "Pritchard", "Llewellyn", "Vaughan", "Mahoney",
]

AUTHORS = [
    "Mrs A. Patel", "Mr G. Hughes", "Miss R. Evans", "Ms J. Murphy", "Mr D. Kowalski",
    "Mrs S. Okafor", "Mr T. Nguyen", "The School Office", "The Headteacher",
]

# --------------------------------------------------------------------------
# Prose. Every word of every string below is checked against the register.
# --------------------------------------------------------------------------

CATEGORIES = ["achievement", "celebration", "update", "reminder"]

YEARS = ["Reception", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Year 6", "Nursery"]

PLACES = [
    "science museum", "city farm", "county library", "castle ruins", "sea life centre",
    "nature reserve", "planetarium", "local theatre", "botanic gardens", "railway museum",
    "art gallery", "fire station", "recycling centre", "outdoor centre", "cathedral",
]

EVENTS = [
    "book week", "sports day", "the summer fair", "harvest festival", "the spring concert",
    "science week", "the nativity play", "a charity bake sale", "the reading challenge",
    "parents' evening", "the school disco", "an open morning", "the art exhibition",
    "the swimming gala", "a talent show", "the eco fortnight", "the maths challenge",
]

CLUBS = [
    "chess", "choir", "gardening", "coding", "netball", "football", "drama", "orchestra",
    "eco", "cookery", "art", "debating", "running", "gymnastics", "Lego",
]

COMPETITIONS = [
    "county quiz", "regional final", "district tournament", "poetry prize", "spelling bee",
    "cross-country cup", "design award", "recycling challenge", "maths relay",
]

TITLE_TEMPLATES = [
    ("{year} visit the {place}", "update"),
    ("{year} explore the {place}", "update"),
    ("A day out at the {place}", "update"),
    ("Our {club} club wins the {competition}", "achievement"),
    ("Success for the {club} team at the {competition}", "achievement"),
    ("{year} shine at the {competition}", "achievement"),
    ("Celebrating {event}", "celebration"),
    ("What a wonderful {event_bare}", "celebration"),
    ("Thank you for a brilliant {event_bare}", "celebration"),
    ("Reminder: {event} is coming up", "reminder"),
    ("Dates for your diary: {event}", "reminder"),
    ("Please remember {event}", "reminder"),
    ("News from the {club} club", "update"),
    ("An update on {event}", "update"),
]

SUMMARY_TEMPLATES = [
    "A busy and happy {time} for {group}.",
    "Everything you need to know about {event}.",
    "{group_cap} had a fantastic time and learned a great deal.",
    "Photos, highlights and thanks from a memorable {time}.",
    "A short note for families about the weeks ahead.",
    "How {group} got on, and what comes next.",
]

GROUPS = [
    "the children in {year}", "our {year} class", "the school council", "members of the choir",
    "the eco team", "our reading buddies", "the whole school", "the nursery children",
    "the pupils in Key Stage 2", "the football squad", "the gardening club", "our young leaders",
    "the younger children", "the older pupils", "our house captains",
]

TIMES = [
    "week", "morning", "afternoon", "term", "fortnight", "half term", "day", "evening",
]

ADJECTIVES = [
    "busy", "cheerful", "thoughtful", "colourful", "exciting", "memorable", "lively", "calm",
    "ambitious", "creative", "curious", "careful", "generous", "patient", "confident",
    "imaginative", "determined", "friendly", "enthusiastic", "remarkable",
]

NOUNS = [
    "project", "display", "performance", "investigation", "workshop", "assembly", "trip",
    "challenge", "experiment", "collection", "presentation", "timetable", "competition",
    "exhibition", "rehearsal", "session", "activity", "discussion", "model", "map",
]

VERBS = [
    "plan", "design", "build", "test", "measure", "describe", "practise", "perform",
    "record", "compare", "explore", "investigate", "paint", "present", "organise", "share",
]

OBJECTS = [
    "a model bridge", "their own poems", "a class newspaper", "a healthy lunch menu",
    "a map of the playground", "a short film", "a bird feeder", "a science poster",
    "a recycled sculpture", "a weather diary", "a musical round", "a timeline of the past",
    "a set of questions", "a tour of the building", "a survey of the pond", "a puppet show",
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

SENTENCES = [
    "This {time}, {group} worked together on a {adj} {noun}.",
    "{group_cap} used the time to {verb} {object}, and the results were impressive.",
    "Everyone was {adj} and showed real care for one another.",
    "The {noun} gave {group} a chance to {verb} {object} in a new way.",
    "Staff were delighted by how {adj} the children were throughout the {time}.",
    "There was plenty of laughter, a little mess and a great deal of learning.",
    "On {weekday}, {group} will {verb} {object} in the hall.",
    "Families are warmly invited to come and see the {noun} after school on {weekday}.",
    "We were especially proud of how {adj} and {adj2} everyone was.",
    "It was a {adj} {time}, and the {noun} will stay on display for a while.",
    "The children asked excellent questions and took careful notes.",
    "Back in class, {group} wrote about what they had seen and drew detailed pictures.",
    "A few of the older pupils helped the younger ones to {verb} {object}.",
    "Several visitors told us how {adj} and polite our pupils were.",
    "We would like to thank everyone who gave up their time to help.",
    "If you have any questions, please speak to the class teacher or the school office.",
    "The next {noun} is already being planned, so watch this space.",
    "Please make sure your child brings a named water bottle and a waterproof coat.",
    "Lunch will be provided as usual, and the day will finish at the normal time.",
    "Every class has been invited to {verb} {object} before the end of the {time}.",
    "Our thanks go to the parents and carers who came along to support.",
    "The feedback from the children has been {adj} and full of ideas.",
    "Teachers will share more photographs and news at the next assembly.",
    "It is wonderful to see {group} growing in confidence every {time}.",
]

HEADINGS = [
    "What we learned", "Looking ahead", "Dates for your diary", "How you can help",
    "A word of thanks", "Highlights", "What happens next", "Useful information",
    "Behind the scenes", "In the classroom", "Around the school", "Getting ready",
]

LIST_ITEMS = [
    "**{weekday}**: {group} will {verb} {object}",
    "a *{adj}* {noun} in the hall",
    "time to {verb} {object} with a partner",
    "a {adj} {noun} led by the older pupils",
    "**{weekday}** afternoon: the {noun} opens to families",
    "bring a packed lunch and a *named* water bottle",
    "wear comfortable shoes and a sun hat",
    "a chance to {verb} {object}",
    "a short {noun} for every class",
]

LINKS = [
    ("the library reading list", "https://www.example.org/families/reading-list"),
    ("our guide for families", "https://www.example.org/families/guide"),
    ("the county museum service", "https://www.example.org.uk/museums/visits"),
    ("the healthy schools pages", "https://www.example.org.uk/health/schools"),
    ("the national science week site", "https://www.example.org/science-week"),
    ("the term dates page", "https://www.example.sch.uk/news/term-dates"),
]

LINK_SENTENCES = [
    "You can find more ideas on [{text}]({url}).",
    "For more information, have a look at [{text}]({url}).",
    "[{text}]({url}) has plenty of things to try at home.",
]

NAMED_SENTENCES = [
    "A special mention goes to {name}, who was *{adj}* all {time}.",
    "Well done to {name} for a {adj} {noun}!",
    "{name}'s {noun} was one of the highlights of the {time}.",
    "We were all impressed when {name} offered to {verb} {object}.",
]

PHOTO_FILES = [
    "class-display.jpg", "hall-display.jpg", "garden-visit.jpg", "art-work.jpg",
    "the-trip.jpg", "playground.jpg",
]

ALT_TEXTS = [
    "Children gathered around a colourful display in the school hall",
    "A group of pupils working together at a long table",
    "Pupils outdoors on a sunny day, smiling at the camera",
    "Children holding up their finished artwork",
    "A small group of pupils looking closely at an exhibit",
]

CLOSINGS = [
    "Thank you, as always, for your support.",
    "We look forward to seeing you soon.",
    "Well done, everyone!",
    "Have a lovely weekend.",
]

PROSE_SOURCES = [
    YEARS, PLACES, EVENTS, CLUBS, COMPETITIONS, [t for t, _ in TITLE_TEMPLATES], SUMMARY_TEMPLATES,
    GROUPS, TIMES, ADJECTIVES, NOUNS, VERBS, OBJECTS, WEEKDAYS, SENTENCES, HEADINGS, LIST_ITEMS,
    [t for t, _ in LINKS], [u for _, u in LINKS], LINK_SENTENCES, NAMED_SENTENCES, PHOTO_FILES,
    ALT_TEXTS, CLOSINGS, CATEGORIES,
]

# --------------------------------------------------------------------------
# Folding, as the policy scan sees words: case, accents, apostrophes, possessives.
# --------------------------------------------------------------------------

_EXTRA_FOLDS = {"ł": "l", "ø": "o", "ß": "ss", "ı": "i", "đ": "d", "æ": "ae", "œ": "oe"}


def fold(text):
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(_EXTRA_FOLDS.get(c, c) for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'")


def words(text):
    """The words of `text`, folded, with possessives and apostrophes removed."""
    out = []
    for raw in re.findall(r"[a-z0-9']+", fold(text)):
        if raw.endswith("'s"):
            raw = raw[:-2]
        raw = raw.replace("'", "")
        if raw:
            out.append(raw)
    return out


def name_words(people):
    found = set()
    for p in people:
        for field in ("given_name", "family_name", "known_as"):
            found.update(words(p[field]))
    return found


def prose_vocabulary():
    vocab = set()
    for source in PROSE_SOURCES:
        for text in source:
            vocab.update(words(re.sub(r"\{[a-z_0-9]+\}", " ", text)))
    return vocab


def check_vocabulary():
    every_name = name_words(
        [{"given_name": g, "family_name": "", "known_as": ""} for g in PUPIL_GIVEN + STAFF_GIVEN]
        + [{"given_name": "", "family_name": f, "known_as": ""} for f in FAMILY]
        + [{"given_name": "", "family_name": "", "known_as": k} for k in KNOWN_AS.values()]
    )
    clash = sorted(prose_vocabulary() & every_name)
    assert not clash, f"prose vocabulary contains register names: {clash}"
    given = set(words(" ".join(PUPIL_GIVEN + STAFF_GIVEN + list(KNOWN_AS.values()))))
    family = set(words(" ".join(FAMILY)))
    overlap = sorted(given & family)
    assert not overlap, f"given and family name lists overlap: {overlap}"


# --------------------------------------------------------------------------
# Register
# --------------------------------------------------------------------------

COLUMNS = ["id", "given_name", "family_name", "known_as", "role", "photo_consent",
           "name_consent", "do_not_publish", "consent_until"]


def make_register(count, rng):
    staff_count = max(1, count // 20) if count > 1 else 0
    pupils = count - staff_count
    people = []
    for i in range(pupils):
        given = PUPIL_GIVEN[rng.randrange(len(PUPIL_GIVEN))]
        family = FAMILY[rng.randrange(len(FAMILY))]
        known = KNOWN_AS.get(given, "") if rng.random() < 0.5 else ""
        if i < 3:
            # A few pupils with every consent, so even a tiny register has people to picture and name.
            photo, name, dnp, until = "yes", "yes", "no", ""
        else:
            photo = "yes" if rng.random() < 0.85 else "no"
            name = "yes" if rng.random() < 0.6 else "no"
            dnp = "yes" if rng.random() < 0.02 else "no"
            r = rng.random()
            until = "2025-07-31" if r < 0.05 else "2031-07-31" if r < 0.10 else ""
        people.append({"id": f"P{i + 1:05d}", "given_name": given, "family_name": family,
                       "known_as": known, "role": "pupil", "photo_consent": photo,
                       "name_consent": name, "do_not_publish": dnp, "consent_until": until})
    for i in range(staff_count):
        given = STAFF_GIVEN[rng.randrange(len(STAFF_GIVEN))]
        people.append({"id": f"S{i + 1:03d}", "given_name": given,
                       "family_name": FAMILY[rng.randrange(len(FAMILY))],
                       "known_as": KNOWN_AS.get(given, "") if rng.random() < 0.3 else "",
                       "role": "staff", "photo_consent": "yes" if rng.random() < 0.9 else "no",
                       "name_consent": "yes", "do_not_publish": "no", "consent_until": ""})
    return people


def write_register(path, people):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(people)
    path.write_text(buffer.getvalue(), encoding="utf-8")


# --------------------------------------------------------------------------
# Photo
# --------------------------------------------------------------------------

def make_photo(seed):
    """One small JPEG (a drawn scene with grain), about 20-40 KB."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = 480, 360
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(135 + 70 * t), int(196 + 37 * t), int(235 + 13 * t)))
    draw.rectangle([0, int(height * 0.62), width, height], fill=(96, 168, 78))
    draw.rectangle([60, 120, 420, 230], fill=(150, 102, 60), outline=(112, 74, 42), width=4)
    for i in range(5):
        x = 70 + i * 75
        draw.ellipse([x, 150, x + 36, 186], fill=(241, 205, 170))
        draw.rectangle([x - 4, 186, x + 40, 250], fill=[(220, 70, 70), (60, 110, 200), (240, 190, 40),
                                                          (130, 80, 170), (40, 160, 150)][i])
    pixels = image.load()
    for _ in range(width * height // 3):
        x, y = rng.randrange(width), rng.randrange(height)
        r, g, b = pixels[x, y]
        d = rng.randint(-14, 14)
        pixels[x, y] = (max(0, min(255, r + d)), max(0, min(255, g + d)), max(0, min(255, b + d)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=False)
    return out.getvalue()


# --------------------------------------------------------------------------
# Approval (SPEC section 7): sha256 over index.md and the shown images, Ed25519 signature
# --------------------------------------------------------------------------

APPROVER = "Sam Taylor"
APPROVED_AT = "2024-06-14T15:30:00+01:00"


class Approver:
    def __init__(self, seed):
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        raw = hashlib.sha256(f"schoolsite-bench-approver-{seed}".encode()).digest()
        self.key = Ed25519PrivateKey.from_private_bytes(raw)
        self.private_text = base64.b64encode(raw).decode()
        public = self.key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.public_text = "ed25519:" + base64.b64encode(public).decode()

    def key_file(self):
        return ("# schoolsite approval key. Keep this file private (mode 600): anyone who has it can approve posts.\n"
                f"name: {APPROVER}\nprivate_key: ed25519:{self.private_text}\n\n")

    def approval(self, slug, files):
        """files: [(name, bytes)], index.md first, then the shown images in name order."""
        digest = hashlib.sha256()
        for name, data in files:
            digest.update(name.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
        sha = digest.hexdigest()
        signed = f"schoolsite-approval-v1\n{slug}\n{sha}\n{APPROVER}\n{APPROVED_AT}\n".encode()
        signature = base64.b64encode(self.key.sign(signed)).decode()
        return {"approved_at": APPROVED_AT, "approver": APPROVER, "post": slug, "sha256": sha, "signature": signature}


def placeholder_approval(slug):
    return {"post": slug, "sha256": "", "approver": APPROVER, "approved_at": APPROVED_AT, "signature": ""}


# --------------------------------------------------------------------------
# Posts
# --------------------------------------------------------------------------

def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def cap(text):
    return text[:1].upper() + text[1:]


class Prose:
    def __init__(self, rng):
        self.rng = rng
        self.deck = []

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def slots(self):
        year = self.pick(YEARS)
        group = self.pick(GROUPS).format(year=year)
        adj, adj2 = self.rng.sample(ADJECTIVES, 2)
        return {"year": year, "group": group, "group_cap": cap(group), "adj": adj, "adj2": adj2,
                "noun": self.pick(NOUNS), "verb": self.pick(VERBS), "object": self.pick(OBJECTS),
                "time": self.pick(TIMES), "weekday": self.pick(WEEKDAYS)}

    def sentence(self, templates=None, **extra):
        if templates is None:
            # Deal the general sentences like cards, so a post repeats none until all are used.
            if not self.deck:
                self.deck = self.rng.sample(SENTENCES, len(SENTENCES))
            template = self.deck.pop()
        else:
            template = self.pick(templates)
        return template.format(**self.slots(), **extra)

    def paragraph(self, count):
        return " ".join(self.sentence() for _ in range(count))


def wrap(text, width=90):
    """Wraps a paragraph at spaces (soft line breaks), as an editor would."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def make_post(index, date, rng, people, photo_name_pool):
    prose = Prose(rng)
    template, category = prose.pick(TITLE_TEMPLATES)
    event = prose.pick(EVENTS)
    event_bare = re.sub(r"^(the|a|an) ", "", event)
    title = cap(template.format(year=prose.pick(YEARS), place=prose.pick(PLACES), club=prose.pick(CLUBS),
                                competition=prose.pick(COMPETITIONS), event=event, event_bare=event_bare))
    summary = cap(prose.pick(SUMMARY_TEMPLATES).format(**{**prose.slots(), "event": event}))

    photo_ok, name_ok = photo_name_pool
    has_photo = index % 10 == 0
    named = None
    if name_ok and rng.random() < 0.2:
        named = people[rng.choice(name_ok)]

    entries = []  # (id, named)
    photo_file = None
    pictured = set()
    if has_photo:
        chosen = rng.sample(photo_ok, min(len(photo_ok), rng.randint(1, 3)))
        photo_file = prose.pick(PHOTO_FILES)
        pictured = {people[i]["id"] for i in chosen}
        entries += [(people[i]["id"], False) for i in chosen]
    if named is not None:
        entries = [(pid, pid == named["id"] or flag) for pid, flag in entries]
        if named["id"] not in [pid for pid, _ in entries]:
            entries.append((named["id"], True))

    body = [wrap(prose.paragraph(4))]
    if photo_file:
        body.append(f"![{prose.pick(ALT_TEXTS)}]({photo_file})")
    body.append(f"## {prose.pick(HEADINGS)}")
    body.append(wrap(prose.paragraph(4)))
    items = rng.sample(LIST_ITEMS, 4)
    body.append("\n".join(f"- {cap(prose.sentence([item]))}" for item in items))
    body.append(wrap(prose.paragraph(3)))
    body.append(f"## {prose.pick(HEADINGS)}")
    if named is not None:
        body.append(wrap(prose.sentence(NAMED_SENTENCES, name=named["given_name"]) + " " + prose.paragraph(2)))
    body.append(wrap(prose.paragraph(4)))
    steps = rng.sample(VERBS, 3)
    body.append("\n".join(f"{n}. {cap(verb)} {prose.pick(OBJECTS)} with *{prose.pick(ADJECTIVES)}* care;"
                          for n, verb in enumerate(steps, 1)))
    text, url = prose.pick(LINKS)
    body.append(wrap(prose.paragraph(3) + " " + prose.pick(LINK_SENTENCES).format(text=text, url=url)))
    body.append(wrap(prose.paragraph(3) + " " + prose.pick(CLOSINGS)))
    # Top up to about 400 words.
    while len(" ".join(body).split()) < 390:
        body.insert(-1, wrap(prose.paragraph(2)))
    return {"title": title, "summary": summary, "category": category, "entries": entries,
            "pictured": pictured, "photo": photo_file, "cover": photo_file if photo_file and rng.random() < 0.5 else None,
            "body": "\n\n".join(body) + "\n", "named": named}


def front_matter(post, date, author):
    lines = ["---", f"title: {json.dumps(post['title'])}", f"date: {date.isoformat()}",
             f"author: {author}", f"category: {post['category']}", f"summary: {json.dumps(post['summary'])}"]
    if post["cover"]:
        lines.append(f"cover: {post['cover']}")
    if post["entries"]:
        lines.append("people:")
        for pid, named in post["entries"]:
            lines.append(f"  - id: {pid}")
            if named:
                lines.append("    named: true")
    else:
        lines.append("people: []")
    if post["photo"]:
        ids = ", ".join(pid for pid, _ in post["entries"] if pid in post["pictured"])
        lines.append("photos:")
        lines.append(f"  {post['photo']}: [{ids}]")
    else:
        lines.append("photos: {}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--posts", type=int, required=True)
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--theme-dir", type=Path, default=REPO / "themes" / "school")
    parser.add_argument("--force", action="store_true", help="replace OUT_DIR if it exists")
    parser.add_argument("--unsigned", action="store_true",
                        help="write unsigned placeholder approvals (the build refuses them)")
    args = parser.parse_args()
    if args.posts < 0 or args.people < 4:
        parser.error("--posts must be >= 0 and --people >= 4")

    check_vocabulary()
    vocabulary = prose_vocabulary()

    out = args.out_dir
    if out.exists() and any(out.iterdir()):
        if not args.force:
            parser.error(f"{out} exists and is not empty (use --force to replace it)")
        shutil.rmtree(out)
    posts_dir = out / "content" / "posts"
    posts_dir.mkdir(parents=True)

    approver = None if args.unsigned else Approver(args.seed)
    site_yml = (REPO / "site.yml").read_text(encoding="utf-8")
    site_yml, replaced = re.subn(r"(?m)^posts_per_page:.*$", "posts_per_page: 10", site_yml)
    assert replaced == 1, "site.yml has no posts_per_page line"
    if approver:
        site_yml, replaced = re.subn(r"(?m)^(\s*public_key:).*$", rf"\g<1> {approver.public_text}", site_yml)
        assert replaced == 1, "site.yml has not exactly one approver public_key line"
        key_path = out / "approver.key"
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as key_file:
            key_file.write(approver.key_file())
    (out / "site.yml").write_text(site_yml, encoding="utf-8")
    shutil.copytree(args.theme_dir, out / "themes" / "school")

    rng = random.Random(args.seed)
    people = make_register(args.people, rng)
    write_register(out / "content" / "register.csv", people)
    register_words = name_words(people)
    assert not (vocabulary & register_words)

    pupils = [i for i, p in enumerate(people) if p["role"] == "pupil"]
    clear = [i for i in pupils if people[i]["do_not_publish"] == "no" and people[i]["consent_until"] == ""]
    photo_ok = [i for i in clear if people[i]["photo_consent"] == "yes"]
    name_ok = [i for i in clear if people[i]["name_consent"] == "yes"]
    assert photo_ok and name_ok

    photo_bytes = make_photo(args.seed) if args.posts else b""
    span = (LAST_DATE - FIRST_DATE).days
    dates = sorted(FIRST_DATE + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(args.posts))
    dates[-1:] = [LAST_DATE] if dates else []
    slugs = set()
    for index, date in enumerate(dates):
        post = make_post(index, date, rng, people, (photo_ok, name_ok))
        base = f"{date.isoformat()}-{slugify(post['title'])}"
        slug, n = base, 2
        while slug in slugs:
            slug, n = f"{base}-{n}", n + 1
        slugs.add(slug)

        # Belt and braces: nothing the policy scans may contain a register name,
        # except the given name of the one pupil the post names with consent.
        allowed = set(words(post["named"]["given_name"])) if post["named"] else set()
        scanned = " ".join([post["title"], post["summary"], slug, post["body"], post["cover"] or ""])
        leaked = (set(words(scanned)) & register_words) - allowed
        assert not leaked, f"{slug}: register names in the text: {sorted(leaked)}"
        if post["named"]:
            family = set(words(post["named"]["family_name"]))
            assert not (set(words(scanned)) & family), f"{slug}: family name of a named pupil"

        folder = posts_dir / slug
        folder.mkdir()
        author = AUTHORS[rng.randrange(len(AUTHORS))]
        source = (front_matter(post, date, author) + post["body"]).encode("utf-8")
        (folder / "index.md").write_bytes(source)
        files = [("index.md", source)]
        if post["photo"]:
            (folder / post["photo"]).write_bytes(photo_bytes)
            files.append((post["photo"], photo_bytes))
        approval = approver.approval(slug, files) if approver else placeholder_approval(slug)
        (folder / "approval.json").write_text(json.dumps(approval, separators=(",", ":")) + "\n", encoding="utf-8")

    photo_posts = (args.posts + 9) // 10
    print(f"{out}: {args.posts} posts ({photo_posts} with a photo of {len(photo_bytes)} bytes), "
          f"{len(people)} people in the register", file=sys.stderr)


if __name__ == "__main__":
    main()
