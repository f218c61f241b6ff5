#!/usr/bin/env python3
"""Build a labelled development set for `kazprep clean`: real news articles wrapped in web page templates.

Purpose
    The cleaner is accepted when, on held-out documents made of real news
    sentences wrapped in realistic site templates (menus and notices repeated
    across documents, share lines, dates, counters, calendars, read-also links,
    lines in other languages), at least 99.5 % of the article lines are kept
    and at least 95 % of the template lines are dropped. This script builds
    such a set for development, with a label for every line; score a run of
    the cleaner with scripts/eval_clean.py.

Usage
    scripts/make-clean-devset.py --lang kk --out-prefix /tmp/cleandev/kk \\
        [--docs 300] [--seed 1] [--data-dir DIR] [--max-para-sents 3] \\
        [--foreign-docs 0.10] [--foreign-min-letters 30] [--related-blocks]

    build/kazprep clean --lang kk --threads 1 --rejects /tmp/cleandev/kk.rejects.tsv \\
        /tmp/cleandev/kk.txt > /tmp/cleandev/kk.kept.txt
    scripts/eval_clean.py /tmp/cleandev/kk /tmp/cleandev/kk.rejects.tsv

    --docs N            documents to build (default 300; fewer if the data runs out)
    --seed S            random seed (default 1); the output depends only on the
                        data files, --lang, the options and --seed
    --max-para-sents K  an article line (paragraph) joins 1..K consecutive
                        sentences with one space (default 3; 1 = one sentence
                        per line). The title is always one sentence alone.
    --foreign-docs P    share of documents that get 1-2 foreign lines (default 0.10)
    --foreign-min-letters L
                        foreign lines are whole sentences with at least L
                        letters (default 30; the cleaner does not judge the
                        language of lines with fewer than 20 letters)
    --related-blocks    also add "related news" blocks: a heading line and 2-3
                        headlines of other articles, each alone on its line
                        (harder: such headline lines are real sentences)

Data (paths relative to --data-dir, default ../shared/data next to the
repository; provenance in its SOURCES.md). Nothing is copied into the
repository: write the outputs outside it (e.g. /tmp/cleandev/).
    kk articles  ntrex128/newstest2019-ref.kaz.txt grouped into its 123
                 documents by ntrex128/DOCUMENT_IDS.tsv (first line = headline);
                 flores200_devtest/kaz_Cyrl.devtest grouped by source URL
                 (flores200_devtest/metadata_devtest.tsv); UD Kazakh-KTB test
                 sentences (ud_kk_ktb/kk_ktb-ud-test.sents.txt) grouped by the
                 source file in their sent_id (kk_ktb-ud-test.conllu), only
                 the news and encyclopedia sources, cut into 4-10 sentence parts
    ru articles  ntrex128/newstest2019-ref.rus.txt (+ DOCUMENT_IDS.tsv) and
                 flores200_devtest/rus_Cyrl.devtest (by URL)
    en articles  ntrex128/newstest2019-src.eng.txt (+ DOCUMENT_IDS.tsv) and
                 flores200_devtest/eng_Latn.devtest (by URL)
    foreign      kk documents get Russian or English lines, ru documents English
                 or Kazakh, en documents Russian or Kazakh: sentences of the
                 ntrex128 and flores200 files of that language
    An article sentence is used once in the whole set (exact duplicates are
    skipped) and must contain a letter; documents are sampled at random.

Documents
    Every document belongs to one of 5 invented sites of its language (all
    names, addresses, phone numbers and slogans are made up). A site has fixed
    lines repeated on all its pages (header menu, language switcher, slogan,
    share line, social network lines, footer notices, contacts) and its own
    formats for the per-page lines (date, counters, tags, read-also, photo
    caption, byline). Order inside a document:
      1. header lines (site name or slogan, menu, language switcher, widgets,
         breadcrumb)
      2. date line
      3. title = the first article line
      4. article lines; between paragraphs sometimes a read-also line (with
         the headline of ANOTHER article: an ntrex128 headline), a photo caption, "***", an emoji
         line, or (--foreign-docs) 1-2 foreign lines
      5. footer lines (byline, tags, counters, share lines, read-also,
         sometimes a calendar widget, pagination, notices, contacts, copyright)
    No empty line inside a document; documents are separated by one empty line.

Outputs (UTF-8, LF, line-aligned)
    PREFIX.txt     the documents
    PREFIX.labels  one label per line of PREFIX.txt:
                     article            a line of the real article (keep)
                     template:<reason>  a template line (drop); reasons: menu,
                                        breadcrumb, share, calendar, date,
                                        counter, read-also, tags, notice,
                                        contact, byline, photo-caption,
                                        no-letters, emoji
                     foreign:<lang>     a whole sentence in another language (drop)
                     boundary           the empty line between two documents
    A summary goes to stderr.

Licence note
    The corpora (NTREX-128, FLORES-200, UD Kazakh-KTB: CC BY-SA 4.0) are read
    from --data-dir and not copied into this repository; do not commit the
    generated sets.
"""

import argparse
import datetime
import os
import random
import re
import sys

LETTER_RE = re.compile(r"[^\W\d_]")

ARTICLE_FILES = {
    "kk": [("ntrex", "ntrex128/newstest2019-ref.kaz.txt"),
           ("flores", "flores200_devtest/kaz_Cyrl.devtest"),
           ("ktb", "ud_kk_ktb/kk_ktb-ud-test.sents.txt")],
    "ru": [("ntrex", "ntrex128/newstest2019-ref.rus.txt"),
           ("flores", "flores200_devtest/rus_Cyrl.devtest")],
    "en": [("ntrex", "ntrex128/newstest2019-src.eng.txt"),
           ("flores", "flores200_devtest/eng_Latn.devtest")],
}
SENTENCE_FILES = {
    "kk": ["ntrex128/newstest2019-ref.kaz.txt", "flores200_devtest/kaz_Cyrl.devtest"],
    "ru": ["ntrex128/newstest2019-ref.rus.txt", "flores200_devtest/rus_Cyrl.devtest"],
    "en": ["ntrex128/newstest2019-src.eng.txt", "flores200_devtest/eng_Latn.devtest"],
}
FOREIGN_LANGS = {"kk": ["ru", "en"], "ru": ["en", "kk"], "en": ["ru", "kk"]}
# UD Kazakh-KTB sources that are news or encyclopedia text (not tales, poems,
# the phrasebook, the novel or the declaration of human rights).
KTB_SOURCES = ["akorda-random", "wikipedia-news", "wikipedia", "Иран", "Шымкент",
               "Eurovision_ән_конкурсы_2010", "Футболдан_әлем_чемпионаты_2014", "Радиан"]

# ---------------------------------------------------------------------------
# Reading the articles


def read_lines(path):
    with open(path, encoding="utf-8", newline="\n") as f:
        return [line.rstrip("\n").rstrip("\r") for line in f]


def group_runs(lines, keys):
    """Consecutive lines with the same key form one group."""
    groups, last = [], object()
    for line, key in zip(lines, keys):
        if key != last:
            groups.append([])
            last = key
        groups[-1].append(line)
    return groups


def load_articles(lang, data_dir):
    """Lists of sentences (the first one is the title), and the ntrex headlines."""
    articles, headlines = [], []
    for kind, rel in ARTICLE_FILES[lang]:
        path = os.path.join(data_dir, rel)
        lines = read_lines(path)
        if kind == "ntrex":
            ids = [l.split("\t")[0] for l in read_lines(os.path.join(data_dir, "ntrex128/DOCUMENT_IDS.tsv"))]
            if len(ids) != len(lines):
                sys.exit("make-clean-devset: %s and DOCUMENT_IDS.tsv differ in length" % rel)
            groups = group_runs(lines, ids)
            articles += groups
            headlines += [g[0].strip() for g in groups]
        elif kind == "flores":
            meta = read_lines(os.path.join(data_dir, "flores200_devtest/metadata_devtest.tsv"))[1:]
            urls = [m.split("\t")[0] for m in meta]
            if len(urls) != len(lines):
                sys.exit("make-clean-devset: %s and metadata_devtest.tsv differ in length" % rel)
            articles += group_runs(lines, urls)
        elif kind == "ktb":
            conllu = os.path.join(data_dir, "ud_kk_ktb/kk_ktb-ud-test.conllu")
            sources = []
            for l in read_lines(conllu):
                if l.startswith("# sent_id = "):
                    sources.append(l[len("# sent_id = "):].split(":")[0].replace(".tagged.txt", ""))
            if len(sources) != len(lines):
                sys.exit("make-clean-devset: %s and its .conllu differ in length" % rel)
            for group, src in zip(group_runs(lines, sources), [s for i, s in enumerate(sources)
                                                               if i == 0 or sources[i - 1] != s]):
                if src not in KTB_SOURCES:
                    continue
                # cut into parts of 4-10 sentences (deterministic sizes)
                rng = random.Random("ktb:" + src)
                i = 0
                while i < len(group):
                    n = rng.randint(4, 10)
                    part = group[i:i + n]
                    i += n
                    if len(part) >= 3:
                        articles.append(part)
    return articles, headlines


def load_sentences(lang, data_dir, min_letters):
    out, seen = [], set()
    for rel in SENTENCE_FILES[lang]:
        for s in read_lines(os.path.join(data_dir, rel)):
            s = s.strip()
            if len(LETTER_RE.findall(s)) >= min_letters and len(s.split()) >= 5 and s not in seen:
                seen.add(s)
                out.append(s)
    return out


# ---------------------------------------------------------------------------
# Language material for the templates (all invented)

LEX = {
    "kk": {
        "months": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
                   "қыркүйек", "қазан", "қараша", "желтоқсан"],
        "weekdays": ["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"],
        "wd_row": "Дс Сс Ср Бс Жм Сб Жс",
        "today": "Бүгін", "yesterday": "Кеше",
        "sections": ["Саясат", "Экономика", "Қоғам", "Спорт", "Мәдениет", "Әлем", "Аймақтар",
                     "Оқиға", "Білім", "Денсаулық", "Технология"],
        "tags": ["Қазақстан", "Астана", "Алматы", "экономика", "саясат", "спорт", "білім", "денсаулық",
                 "инвестиция", "сайлау", "Үкімет", "Парламент", "ауа райы", "футбол", "технология",
                 "мәдениет", "туризм", "әлем", "АҚШ", "Ресей", "Қытай", "Еуропа", "медицина", "сот"],
        "names": ["Айгүл Серікқызы", "Ерлан Бекұлы", "Дана Мұратова", "Нұрлан Әбенов", "Әсел Қайратқызы",
                  "Бауыржан Тілеуов", "Мөлдір Ахметова", "Талғат Сейітов"],
        "photo_src": ["ашық дереккөздерден", "автордың жеке архивінен", "Ақорданың баспасөз қызметі",
                      "министрліктің баспасөз қызметі", "әкімдіктің баспасөз қызметі", "Shutterstock",
                      "Getty Images", "кейіпкердің жеке архивінен"],
        "cities": ["Астана", "Алматы", "Шымкент", "Ақтөбе", "Қарағанды", "Өскемен", "Атырау"],
    },
    "ru": {
        "months": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                   "сентября", "октября", "ноября", "декабря"],
        "months_nom": ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август",
                       "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"],
        "weekdays": ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"],
        "wd_row": "Пн Вт Ср Чт Пт Сб Вс",
        "today": "Сегодня", "yesterday": "Вчера",
        "sections": ["Политика", "Экономика", "Общество", "Спорт", "Культура", "Мир", "Регионы",
                     "Происшествия", "Образование", "Здоровье", "Технологии"],
        "tags": ["Казахстан", "Астана", "Алматы", "экономика", "политика", "спорт", "образование",
                 "здоровье", "инвестиции", "выборы", "правительство", "парламент", "погода", "футбол",
                 "технологии", "культура", "туризм", "США", "Россия", "Китай", "Европа", "медицина", "суд"],
        "names": ["Анна Иванова", "Ерлан Бекенов", "Дина Муратова", "Сергей Ким", "Асель Кайратова",
                  "Олег Петренко", "Мадина Ахметова", "Тимур Сеитов"],
        "photo_src": ["из открытых источников", "пресс-служба акимата", "пресс-служба министерства",
                      "архив редакции", "Shutterstock", "Getty Images", "личный архив героя"],
        "cities": ["Астана", "Алматы", "Шымкент", "Актобе", "Караганда", "Усть-Каменогорск", "Атырау"],
    },
    "en": {
        "months": ["January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"],
        "weekdays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        "wd_row": "Mo Tu We Th Fr Sa Su",
        "today": "Today", "yesterday": "Yesterday",
        "sections": ["Politics", "Business", "Society", "Sport", "Culture", "World", "Regions",
                     "Incidents", "Education", "Health", "Technology"],
        "tags": ["Kazakhstan", "Astana", "Almaty", "economy", "politics", "sport", "education", "health",
                 "investment", "elections", "government", "parliament", "weather", "football",
                 "technology", "culture", "tourism", "US", "Russia", "China", "Europe", "medicine", "courts"],
        "names": ["John Carter", "Aigul Serikova", "Emma Brooks", "Daniel Reed", "Asel Kairatova",
                  "Michael Stone", "Sarah Lewis", "Timur Seitov"],
        "photo_src": ["Reuters", "AFP", "Getty Images", "Shutterstock", "the Ministry of Energy",
                      "the Akimat press service", "AP Photo", "EPA"],
        "cities": ["Astana", "Almaty", "Shymkent", "Aktobe", "Karaganda", "Atyrau"],
    },
}
EN_MONTHS = LEX["en"]["months"]
EN_MON_ABBR = [m[:3] for m in EN_MONTHS]
EMOJI_LINES = ["👍 😂 😮 😢 😡", "🔥🔥🔥", "👇👇👇", "📌", "❤️ {a}   👍 {b}   😮 {c}", "⚡️", "✅ ✅ ✅"]
NOLETTER_LINES = ["***", "* * *", "—", "1 2 3 4 5 … 10", "« 1 2 3 »", "18+", "***"]


def fmt_int(n, lang, style):
    if style == "short" and n >= 10000:
        if lang == "kk":
            return ("%.1f мың" % (n / 1000)).replace(".", ",")
        if lang == "ru":
            return ("%.1f тыс." % (n / 1000)).replace(".", ",")
        return "%.1fK" % (n / 1000)
    s = "{:,}".format(n)
    if lang == "en":
        return s
    return s.replace(",", rng_space(n))


def rng_space(n):
    # a thin no-break space on some sites' counters, else a plain space
    return "\u202f" if n % 7 == 0 else " "


class Date:
    def __init__(self, rng):
        self.year = rng.randint(2015, 2025)
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)
        self.hour = rng.randint(7, 23)
        self.minute = rng.randint(0, 59)
        self.weekday = datetime.date(self.year, self.month, self.day).weekday()  # Monday = 0
        self.relative = rng.random() < 0.2  # shown as "today"/"yesterday" on sites that do it
        self.yesterday = rng.random() < 0.5

    def hm(self):
        return "%02d:%02d" % (self.hour, self.minute)

    def dmy(self, sep="."):
        return "%02d%s%02d%s%d" % (self.day, sep, self.month, sep, self.year)


def cap(s):
    return s[:1].upper() + s[1:]


def date_line(lang, style, d):
    L = LEX[lang]
    mon = L["months"][d.month - 1]
    if d.relative and style in ("rel", "rel2"):
        word = L["yesterday"] if d.yesterday else L["today"]
        if lang == "en":
            return "%s at %s" % (word, d.hm()) if style == "rel2" else "%s, %s" % (word, d.hm())
        if lang == "ru" and style == "rel2":
            return "%s в %s" % (word, d.hm())
        return "%s, %s" % (word, d.hm())
    if lang == "kk":
        return {
            "long": "%02d %s %d, %s" % (d.day, cap(mon), d.year, d.hm()),
            "rel": "%d %s %d, %s" % (d.day, mon, d.year, d.hm()),
            "rel2": "%d %s %d ж. %s" % (d.day, mon, d.year, d.hm()),
            "num": "%s, %s" % (d.dmy(), d.hm()),
            "yearfirst": "%d жылғы %d %s, %s" % (d.year, d.day, mon, d.hm()),
            "timefirst": "%s, %d %s %d" % (d.hm(), d.day, mon, d.year),
            "label": "Жарияланды: %s %s" % (d.dmy(), d.hm()),
            "weekday": "%s, %d %s %d" % (cap(LEX["kk"]["weekdays"][d.weekday]), d.day, mon, d.year),
        }[style]
    if lang == "ru":
        return {
            "long": "%d %s %d, %s" % (d.day, mon, d.year, d.hm()),
            "rel": "%d %s %d, %s" % (d.day, mon, d.year, d.hm()),
            "rel2": "%d %s %d года в %s" % (d.day, mon, d.year, d.hm()),
            "num": "%s %s" % (d.dmy(), d.hm()),
            "yearfirst": "%s г., %s" % (d.dmy(), d.hm()),
            "timefirst": "%s, %d %s %d" % (d.hm(), d.day, mon, d.year),
            "label": "Опубликовано: %d %s %d, %s" % (d.day, mon, d.year, d.hm()),
            "weekday": "%s, %d %s %d" % (cap(LEX["ru"]["weekdays"][d.weekday]), d.day, mon, d.year),
        }[style]
    h12 = d.hour % 12 or 12
    ampm = "AM" if d.hour < 12 else "PM"
    return {
        "long": "%s %d, %d" % (mon, d.day, d.year),
        "rel": "%s %d, %d %d:%02d %s" % (EN_MON_ABBR[d.month - 1], d.day, d.year, h12, d.minute, ampm),
        "rel2": "%d %s %d, %s GMT" % (d.day, mon, d.year, d.hm()),
        "num": "%s %s" % (d.dmy("/"), d.hm()),
        "yearfirst": "%d-%02d-%02d %s" % (d.year, d.month, d.day, d.hm()),
        "timefirst": "%d:%02d %s, %s %d, %d" % (h12, d.minute, ampm, mon, d.day, d.year),
        "label": "Published: %s %d, %d" % (mon, d.day, d.year),
        "weekday": "%s, %s %d, %d" % (LEX["en"]["weekdays"][d.weekday], mon, d.day, d.year),
    }[style]


def calendar_block(lang, rng, d):
    """A calendar widget: a list of (text, reason) lines."""
    days = 30 if d.month in (4, 6, 9, 11) else (28 if d.month == 2 else 31)
    if rng.random() < 0.5:  # the widget of the seed article, in English on every site
        out = [("No date selected", "calendar"), ("%s %d" % (EN_MONTHS[d.month - 1], d.year), "calendar")]
        out += [(str(i), "calendar") for i in range(1, days + 1)]
        out.append(("Use cursor keys to navigate calendar dates", "calendar"))
        return out
    if lang == "kk":
        head = "%s %d" % (cap(LEX["kk"]["months"][d.month - 1]), d.year)
    elif lang == "ru":
        head = "%s %d" % (LEX["ru"]["months_nom"][d.month - 1], d.year)
    else:
        head = "%s %d" % (EN_MONTHS[d.month - 1], d.year)
    out = [(head, "calendar"), (LEX[lang]["wd_row"], "calendar")]
    first = rng.randint(0, 6)
    cells = [""] * first + [str(i) for i in range(1, days + 1)]
    for i in range(0, len(cells), 7):
        row = " ".join(c for c in cells[i:i + 7] if c)
        out.append((row, "calendar"))
    return out


# Sites: fixed lines (text, reason) and per-page formats. Everything invented.
SITES = {
    "kk": [
        dict(name="Ақпарат24", domain="akparat24.kz",
             header=[("Ақпарат24 – еліміздің жетекші жаңалықтар порталы", "menu"),
                     ("Басты бет Жаңалықтар Саясат Экономика Қоғам Спорт Мәдениет Әлем", "menu"),
                     ("Қаз Рус Eng", "menu")],
             breadcrumb="Басты бет > Жаңалықтар > {section}", date="long",
             views="Қаралды: {n}", comments="Пікірлер ({c})", counter_combo=False,
             tags="Тегтер: {tags}", readalso="Оқи отырыңыз: {headline}",
             photo="Фото: {src}", byline="Автор: {name}",
             share=[("Бөлісу:", "share"), ("Facebook", "share"), ("Telegram", "share"), ("WhatsApp", "share")],
             footer=[("© 2014–{year} Ақпарат24. Барлық құқықтар қорғалған.", "notice"),
                     ("Материалдарды пайдаланғанда akparat24.kz сайтына гиперсілтеме міндетті.", "notice"),
                     ("Сайт cookie файлдарын пайдаланады. Сайтты пайдалана отырып, сіз олармен келісесіз.", "notice"),
                     ("Мекенжай: Астана қ., Бейбітшілік көшесі, 14", "contact"),
                     ("Тел.: +7 (7172) 55-12-34", "contact"),
                     ("E-mail: info@akparat24.kz", "contact")],
             calendar=0.08, widget="currency"),
        dict(name="Дала жаршысы", domain="dalazharshy.kz",
             header=[("Дала жаршысы", "menu"),
                     ("Жаңалықтар | Саясат | Қоғам | Руханият | Сұхбат | Аймақтар", "menu"),
                     ("ҚАЗ | РУС", "menu")],
             breadcrumb=None, date="rel",
             views="{n} рет қаралды", comments="Пікір: {c}", counter_combo=False,
             tags="Тег: {tags}", readalso="Тағы оқыңыз: {headline}",
             photo="Сурет: {src}", byline="Дайындаған: {name}",
             share=[("Бөлісу: Facebook Telegram WhatsApp VK", "share")],
             footer=[("Біздің Telegram арнамызға жазылыңыз!", "notice"),
                     ("«Дала жаршысы» республикалық қоғамдық-саяси басылымы", "menu"),
                     ("Бас редактор: Ғалым Тілеуұлы", "notice"),
                     ("Сайт материалдарын көшіріп басқанда dalazharshy.kz сайтына сілтеме жасау міндетті.", "notice"),
                     ("Мәтіннен қате тапсаңыз, оны белгілеп, Ctrl+Enter басыңыз", "notice"),
                     ("© Дала жаршысы, {year}", "notice")],
             calendar=0.0, widget=None),
        dict(name="Ел тынысы", domain="eltynysy.kz",
             header=[("Ел тынысы – тәуелсіз ақпарат агенттігі", "menu"),
                     ("Басты бет Жаңалықтар Саясат Экономика Қоғам Білім Денсаулық Спорт", "menu"),
                     ("Біз туралы Байланыс Жарнама", "menu")],
             breadcrumb="Басты бет » {section}", date="num",
             views=None, comments=None, counter_combo=True,
             tags="Тегтер: {tags}", readalso="Тақырыпқа қатысты: {headline}",
             photo="Фото: {src}", byline=None,
             share=[("Жаңалықпен бөлісіңіз", "share"), ("Facebook Telegram WhatsApp Instagram", "share")],
             footer=[("Барлық құқықтар қорғалған © Ел тынысы {year}", "notice"),
                     ("Редакцияның көзқарасы автордың пікірімен сәйкес келмеуі мүмкін.", "notice"),
                     ("Жарнама бойынша: +7 701 555 44 33", "contact"),
                     ("Редакцияның мекенжайы: 050000, Алматы қаласы, Абай даңғылы, 52", "contact")],
             calendar=0.12, widget="weather"),
        dict(name="Жаңа дәуір", domain="zhanadaur.kz",
             header=[("Жаңалықтар Саясат Экономика Қоғам Спорт Мәдениет Әлем Басты бет Байланыс Біз туралы", "menu"),
                     ("Іздеу", "menu")],
             breadcrumb=None, date="yearfirst",
             views="Қаралым саны: {n}", comments="Пікірлер ({c})", counter_combo=False,
             tags="#{hashtags}", readalso="Оқи отырыңыз {headline}",
             photo="Фото: {src}", byline="Автор: {name}",
             share=[("Бөлісу", "share"), ("Facebook", "share"), ("Twitter", "share"), ("Telegram", "share"),
                    ("Одноклассники", "share")],
             footer=[("Жаңа дәуір – жаңалықтың жаңа тынысы", "menu"),
                     ("Материалдарды пайдаланғанда сілтеме міндетті", "notice"),
                     ("Жазылыңыз", "notice"),
                     ("info@zhanadaur.kz", "contact"),
                     ("© {year} zhanadaur.kz", "notice")],
             calendar=0.05, widget=None),
        dict(name="Astana Kúni", domain="astanakuni.kz",
             header=[("Astana Kúni", "menu"),
                     ("Басты бет / Жаңалықтар / Аймақтар / Оқиға / Сұхбат / Мультимедиа", "menu"),
                     ("Қазақша Русский English", "menu")],
             breadcrumb="Басты бет / {section}", date="timefirst",
             views="Оқылды: {n}", comments=None, counter_combo=False,
             tags="Тегтер: {tags}", readalso="Сондай-ақ оқыңыз: {headline}",
             photo="Фото {src}", byline=None,
             share=[("Әлеуметтік желілерде бөлісу:", "share"), ("Facebook", "share"), ("Telegram", "share"),
                    ("WhatsApp", "share"), ("Instagram", "share")],
             footer=[("Astana Kúni сайтының Telegram-арнасына жазылыңыз", "notice"),
                     ("Бізді әлеуметтік желілерде бақылаңыз!", "share"),
                     ("Сайт материалдарын пайдаланған жағдайда astanakuni.kz сайтына гиперсілтеме жасау міндетті.", "notice"),
                     ("Тел.: 8 (7172) 44-20-10", "contact"),
                     ("© Astana Kúni, 2016–{year}. Барлық құқықтар қорғалған.", "notice")],
             calendar=0.1, widget="currency"),
    ],
    "ru": [
        dict(name="Вести Степи", domain="vestistepi.kz",
             header=[("Вести Степи – новости Казахстана и мира", "menu"),
                     ("Новости Политика Экономика Общество Спорт Культура Мир", "menu"),
                     ("Рус Каз Eng", "menu")],
             breadcrumb="Главная / Новости / {section}", date="long",
             views="Просмотров: {n}", comments="Комментарии ({c})", counter_combo=False,
             tags="Теги: {tags}", readalso="Читайте также: {headline}",
             photo="Фото: {src}", byline="Автор: {name}",
             share=[("Поделиться", "share"), ("Facebook", "share"), ("ВКонтакте", "share"), ("Telegram", "share"),
                    ("WhatsApp", "share")],
             footer=[("© 2012–{year} Вести Степи. Все права защищены.", "notice"),
                     ("При использовании материалов ссылка на vestistepi.kz обязательна.", "notice"),
                     ("Мы используем файлы cookie, чтобы сайт работал лучше.", "notice"),
                     ("Адрес редакции: 050000, г. Алматы, ул. Абая, 10", "contact"),
                     ("Тел.: +7 (727) 355-12-34", "contact")],
             calendar=0.08, widget="currency"),
        dict(name="Город 24", domain="gorod24.kz",
             header=[("Город 24", "menu"),
                     ("Главная | Новости | Регионы | Происшествия | Общество | Контакты", "menu")],
             breadcrumb=None, date="rel2",
             views="{n} просмотров", comments=None, counter_combo=False,
             tags="Теги: {tags}", readalso="По теме: {headline}",
             photo="Фото {src}", byline="Подготовила: {name}",
             share=[("Поделиться: Facebook ВКонтакте Одноклассники Telegram", "share")],
             footer=[("Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости!", "notice"),
                     ("Город 24 – всё о жизни города", "menu"),
                     ("Нашли ошибку? Выделите текст и нажмите Ctrl+Enter", "notice"),
                     ("Мнение редакции может не совпадать с мнением автора.", "notice"),
                     ("© Город 24, {year}", "notice")],
             calendar=0.0, widget=None),
        dict(name="Деловой курс", domain="delkurs.kz",
             header=[("Деловой курс – деловые новости", "menu"),
                     ("Главная Новости Экономика Бизнес Финансы Аналитика Интервью", "menu"),
                     ("О нас Реклама Контакты", "menu")],
             breadcrumb="Главная » {section}", date="num",
             views=None, comments=None, counter_combo=True,
             tags="Рубрика: {section}", readalso="Читайте также {headline}",
             photo="Фото: {src}", byline=None,
             share=[("Поделитесь с друзьями", "share"), ("Facebook Telegram WhatsApp", "share")],
             footer=[("Все права защищены © Деловой курс {year}", "notice"),
                     ("Перепечатка материалов без письменного разрешения редакции запрещена.", "notice"),
                     ("По вопросам рекламы: +7 701 555 44 33", "contact"),
                     ("E-mail: info@delkurs.kz", "contact")],
             calendar=0.12, widget="weather"),
        dict(name="Новая эпоха", domain="novepoha.kz",
             header=[("Новости Политика Экономика Общество Спорт Культура Мир Главная Контакты О нас Регионы Происшествия", "menu"),
                     ("Поиск", "menu")],
             breadcrumb=None, date="yearfirst",
             views="Просмотры: {n}", comments="Комментарии: {c}", counter_combo=False,
             tags="#{hashtags}", readalso="Смотрите также: {headline}",
             photo="Фото: {src}", byline="Автор: {name}",
             share=[("Поделиться", "share"), ("Facebook", "share"), ("Twitter", "share"), ("Telegram", "share"),
                    ("Одноклассники", "share")],
             footer=[("Новая эпоха – время новостей", "menu"),
                     ("При полном или частичном использовании материалов гиперссылка на novepoha.kz обязательна.", "notice"),
                     ("Подписаться на рассылку", "notice"),
                     ("info@novepoha.kz", "contact"),
                     ("© {year} novepoha.kz", "notice")],
             calendar=0.05, widget=None),
        dict(name="Астана Сегодня", domain="astanatoday.kz",
             header=[("Астана Сегодня", "menu"),
                     ("Главная / Новости / Регионы / Происшествия / Интервью / Мультимедиа", "menu"),
                     ("Русский Қазақша English", "menu")],
             breadcrumb="Главная / {section}", date="timefirst",
             views="Прочитано: {n}", comments=None, counter_combo=False,
             tags="Теги: {tags}", readalso="Читайте ещё: {headline}",
             photo="Фото: {src}", byline=None,
             share=[("Поделиться в соцсетях:", "share"), ("Facebook", "share"), ("Telegram", "share"),
                    ("WhatsApp", "share"), ("Instagram", "share")],
             footer=[("Самые важные новости – в нашем Telegram-канале", "notice"),
                     ("Мы в соцсетях:", "share"),
                     ("Все права защищены. При использовании материалов ссылка на astanatoday.kz обязательна.", "notice"),
                     ("Тел.: 8 (7172) 44-20-10", "contact"),
                     ("© Астана Сегодня, 2016–{year}", "notice")],
             calendar=0.1, widget="currency"),
    ],
    "en": [
        dict(name="Steppe Times", domain="steppetimes.kz",
             header=[("The Steppe Times – news from Kazakhstan and Central Asia", "menu"),
                     ("Home News Politics Business Sports Culture World Contact About", "menu"),
                     ("ENG РУС ҚАЗ", "menu")],
             breadcrumb="Home > News > {section}", date="long",
             views="Views: {n}", comments="Comments ({c})", counter_combo=False,
             tags="Tags: {tags}", readalso="Read also: {headline}",
             photo="Photo: {src}", byline="By {name}",
             share=[("Share", "share"), ("Facebook", "share"), ("Twitter", "share"), ("Telegram", "share"),
                    ("WhatsApp", "share")],
             footer=[("© 2013–{year} The Steppe Times. All rights reserved.", "notice"),
                     ("Reproduction of materials is allowed only with a hyperlink to steppetimes.kz; otherwise it is prohibited.", "notice"),
                     ("We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.", "notice"),
                     ("Address: 14 Beibitshilik St, Astana, Kazakhstan", "contact"),
                     ("Tel.: +7 (7172) 55-12-34", "contact")],
             calendar=0.08, widget="currency"),
        dict(name="City Wire", domain="citywire.kz",
             header=[("City Wire", "menu"),
                     ("News | Regions | Incidents | Society | Contact us", "menu")],
             breadcrumb=None, date="rel2",
             views="{n} views", comments=None, counter_combo=False,
             tags="Tags: {tags}", readalso="Related: {headline}",
             photo="Photo credit: {src}", byline="Written by {name}",
             share=[("Share this article: Facebook Twitter WhatsApp", "share")],
             footer=[("Subscribe to our newsletter to get the top stories in your inbox every morning.", "notice"),
                     ("City Wire – the pulse of the city", "menu"),
                     ("Found a mistake? Highlight it and press Ctrl+Enter", "notice"),
                     ("The views expressed in this article are those of the author and do not necessarily reflect the editorial position.", "notice"),
                     ("© City Wire, {year}", "notice")],
             calendar=0.0, widget=None),
        dict(name="Business Kazakhstan", domain="bizkz.com",
             header=[("Business Kazakhstan – business news", "menu"),
                     ("Home Business Markets Economy Opinion Analysis", "menu"),
                     ("About us Advertise Contact", "menu")],
             breadcrumb="Home » {section}", date="num",
             views=None, comments=None, counter_combo=True,
             tags="Filed under: {section}", readalso="Read more: {headline}",
             photo="Photo: {src}", byline=None,
             share=[("Share this story", "share"), ("Facebook Twitter LinkedIn", "share")],
             footer=[("All rights reserved © Business Kazakhstan {year}", "notice"),
                     ("No part of this website may be reproduced without the prior written permission of the publisher.", "notice"),
                     ("Advertising: +7 701 555 44 33", "contact"),
                     ("Email: info@bizkz.com", "contact")],
             calendar=0.12, widget="weather"),
        dict(name="New Era", domain="newera.kz",
             header=[("Home News Politics Business Sports Culture World Contact About", "menu"),
                     ("Search", "menu")],
             breadcrumb=None, date="yearfirst",
             views="Views: {n}", comments="Comments: {c}", counter_combo=False,
             tags="#{hashtags}", readalso="See also: {headline}",
             photo="Image: {src}", byline="Author: {name}",
             share=[("Share", "share"), ("Facebook", "share"), ("Twitter", "share"), ("Reddit", "share"),
                    ("LinkedIn", "share")],
             footer=[("New Era – news for a new era", "menu"),
                     ("Follow us on Twitter", "share"),
                     ("Sign up for our daily newsletter", "notice"),
                     ("newsroom@newera.kz", "contact"),
                     ("© {year} newera.kz", "notice")],
             calendar=0.05, widget=None),
        dict(name="Astana Daily", domain="astanadaily.kz",
             header=[("Astana Daily", "menu"),
                     ("Home / News / Regions / Incidents / Interviews / Multimedia", "menu"),
                     ("English Русский Қазақша", "menu")],
             breadcrumb="Home / {section}", date="timefirst",
             views="{n} reads", comments=None, counter_combo=False,
             tags="Topics: {tags}", readalso="You may also like: {headline}",
             photo="Photo: {src}", byline=None,
             share=[("Share on social media:", "share"), ("Facebook", "share"), ("Telegram", "share"),
                    ("WhatsApp", "share"), ("Instagram", "share")],
             footer=[("Join our Telegram channel for breaking news", "notice"),
                     ("Follow us:", "share"),
                     ("Copyright 2025 Astana Daily. Republication without a link to astanadaily.kz is prohibited.", "notice"),
                     ("Phone: 8 (7172) 44-20-10", "contact"),
                     ("© Astana Daily, 2016–{year}", "notice")],
             calendar=0.1, widget="currency"),
    ],
}


def widget_line(kind, lang, rng):
    if kind == "currency":
        usd = rng.uniform(330, 520)
        return "USD %.2f EUR %.2f RUB %.2f" % (usd, usd * rng.uniform(1.05, 1.15), usd / rng.uniform(75, 100))
    cities = rng.sample(LEX[lang]["cities"], 2)
    return "%s %+d°C %s %+d°C" % (cities[0], rng.randint(-25, 35), cities[1], rng.randint(-25, 35))


def counters(site, lang, rng, d):
    n = int(rng.lognormvariate(7, 1.2)) + 12
    c = rng.choice([0, 0, 0, 1, 2, 3, 5, 12])
    style = "short" if rng.random() < 0.2 else "full"
    out = []
    if site["counter_combo"]:
        if lang == "kk":
            out.append(("%s | Қаралды: %s | Пікір: %d" % (date_line(lang, "long", d), fmt_int(n, lang, style), c), "counter"))
        elif lang == "ru":
            out.append(("%s | Просмотров: %s | Комментариев: %d" % (date_line(lang, "long", d), fmt_int(n, lang, style), c), "counter"))
        else:
            out.append(("%s | %s views | %d comments" % (date_line(lang, "long", d), fmt_int(n, lang, style), c), "counter"))
        return out
    if site["views"] and rng.random() < 0.85:
        out.append((site["views"].format(n=fmt_int(n, lang, style)), "counter"))
    elif rng.random() < 0.5:
        out.append(("👁 %s" % fmt_int(n, lang, "full"), "counter"))
    if site["comments"] and rng.random() < 0.6:
        out.append((site["comments"].format(c=c), "counter"))
    return out


def photo_line(site, lang, rng):
    src = rng.choice(LEX[lang]["photo_src"])
    if site["photo"] == "Фото {src}":  # a caption without a colon
        if lang == "kk":
            return rng.choice(["Фото ашық дереккөздерден алынды", "Фото автордың жеке архивінен"])
        return rng.choice(["Фото из открытых источников", "Фото пресс-службы акимата", "Иллюстративное фото"])
    return site["photo"].format(src=src)


def tags_line(site, lang, rng, section):
    tags = rng.sample(LEX[lang]["tags"], rng.randint(2, 4))
    return site["tags"].format(tags=", ".join(tags), section=section,
                               hashtags=" #".join(t.replace(" ", "_") for t in tags))


def paragraphs(sentences, rng, max_sents):
    out, i = [], 0
    while i < len(sentences):
        k = min(rng.choice([1, 1, 2, 2, 3]), max_sents) if max_sents > 1 else 1
        out.append(" ".join(sentences[i:i + k]))
        i += k
    return out


def build_document(lang, site, article, rng, headlines, foreign, args):
    """Returns a list of (text, label)."""
    L = LEX[lang]
    d = Date(rng)
    section = rng.choice(L["sections"])
    title = article[0]
    other = [h for h in headlines if h != title]
    tpl = lambda text, reason: (text.replace("{year}", str(d.year)), "template:" + reason)
    doc = []
    for text, reason in site["header"]:
        doc.append(tpl(text, reason))
    if site["widget"] and rng.random() < 0.7:
        doc.append(tpl(widget_line(site["widget"], lang, rng), "menu"))
    if site["breadcrumb"]:
        bc = site["breadcrumb"].format(section=section)
        if rng.random() < 0.3 and len(title) <= 100:  # some sites end it with the headline
            bc += (" > " if ">" in bc else " » " if "»" in bc else " / ") + title
        doc.append(tpl(bc, "breadcrumb"))
    if not site["counter_combo"]:
        doc.append(tpl(date_line(lang, site["date"], d), "date"))
    doc.append((title, "article"))
    if rng.random() < 0.25:
        doc.append(tpl(photo_line(site, lang, rng), "photo-caption"))
    body = paragraphs(article[1:], rng, args.max_para_sents)
    inserts = []
    if rng.random() < 0.6 and other:
        inserts.append(tpl(site["readalso"].format(headline=rng.choice(other)), "read-also"))
    if rng.random() < 0.25:
        inserts.append(tpl(photo_line(site, lang, rng), "photo-caption"))
    if rng.random() < 0.15:
        inserts.append(tpl(rng.choice(NOLETTER_LINES[:3]), "no-letters"))
    if rng.random() < 0.08:
        inserts.append(tpl(rng.choice(EMOJI_LINES[:4]), "emoji"))
    if foreign:
        for flang, sent in foreign:
            inserts.append((sent, "foreign:" + flang))
    lines = [(p, "article") for p in body]
    for item in inserts:
        pos = rng.randint(0, len(lines))
        lines.insert(pos, item)
    doc += lines
    # footer
    if site["byline"] and rng.random() < 0.4:
        doc.append(tpl(site["byline"].format(name=rng.choice(L["names"])), "byline"))
    if site["counter_combo"]:
        doc += [tpl(t, r) for t, r in counters(site, lang, rng, d)]
    if rng.random() < 0.7:
        doc.append(tpl(tags_line(site, lang, rng, section), "tags"))
    if not site["counter_combo"]:
        doc += [tpl(t, r) for t, r in counters(site, lang, rng, d)]
    if rng.random() < 0.1:
        a, b, c = rng.randint(1, 99), rng.randint(1, 40), rng.randint(0, 9)
        doc.append(tpl(rng.choice(EMOJI_LINES).format(a=a, b=b, c=c), "emoji"))
    doc += [tpl(t, r) for t, r in site["share"]]
    if rng.random() < 0.3 and other:
        doc.append(tpl(site["readalso"].format(headline=rng.choice(other)), "read-also"))
    if args.related_blocks and rng.random() < 0.3 and len(other) >= 3:
        head = {"kk": "Ұқсас жаңалықтар", "ru": "Похожие новости", "en": "Related articles"}[lang]
        doc.append(tpl(head, "read-also"))
        for h in rng.sample(other, rng.randint(2, 3)):
            doc.append(tpl(h, "read-also"))
    if rng.random() < site["calendar"]:
        doc += [tpl(t, r) for t, r in calendar_block(lang, rng, d)]
    if rng.random() < 0.15:
        doc.append(tpl(rng.choice(NOLETTER_LINES[3:]), "no-letters"))
    for text, reason in site["footer"]:
        doc.append(tpl(text, reason))
    return doc


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", required=True, choices=["kk", "ru", "en"])
    ap.add_argument("--out-prefix", required=True, metavar="PREFIX")
    ap.add_argument("--docs", type=int, default=300, metavar="N")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-para-sents", type=int, default=3, metavar="K")
    ap.add_argument("--foreign-docs", type=float, default=0.10, metavar="P")
    ap.add_argument("--foreign-min-letters", type=int, default=30, metavar="L")
    ap.add_argument("--related-blocks", action="store_true")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--data-dir", default=os.path.normpath(os.path.join(here, "..", "..", "shared", "data")),
                    help="where the data files are looked up (default: %(default)s)")
    args = ap.parse_args()
    if args.max_para_sents < 1:
        ap.error("--max-para-sents must be at least 1")

    rng = random.Random("%s:%d" % (args.lang, args.seed))
    articles, headlines = load_articles(args.lang, args.data_dir)
    foreign_pool = {fl: load_sentences(fl, args.data_dir, args.foreign_min_letters)
                    for fl in FOREIGN_LANGS[args.lang]}

    order = list(range(len(articles)))
    rng.shuffle(order)
    used = set()
    docs = []
    sites = SITES[args.lang]
    for idx in order:
        if len(docs) >= args.docs:
            break
        sents = []
        for s in articles[idx]:
            s = s.strip()
            if s and LETTER_RE.search(s) and s not in used:
                sents.append(s)
        if len(sents) < 2:
            continue
        used.update(sents)
        site = sites[rng.randrange(len(sites))]
        foreign = []
        if rng.random() < args.foreign_docs:
            for _ in range(rng.randint(1, 2)):
                fl = rng.choice(FOREIGN_LANGS[args.lang])
                foreign.append((fl, rng.choice(foreign_pool[fl])))
        docs.append(build_document(args.lang, site, sents, rng, headlines, foreign, args))

    out_dir = os.path.dirname(args.out_prefix)
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
    counts = {}
    with open(args.out_prefix + ".txt", "w", encoding="utf-8", newline="\n") as ft, \
            open(args.out_prefix + ".labels", "w", encoding="utf-8", newline="\n") as fl:
        for i, doc in enumerate(docs):
            if i:
                ft.write("\n")
                fl.write("boundary\n")
            for text, label in doc:
                text = text.strip()
                assert text and "\n" not in text, (text, label)
                ft.write(text + "\n")
                fl.write(label + "\n")
                counts[label] = counts.get(label, 0) + 1
    total = sum(counts.values())
    art = counts.get("article", 0)
    tmpl = sum(n for k, n in counts.items() if k.startswith("template:"))
    forg = sum(n for k, n in counts.items() if k.startswith("foreign:"))
    sys.stderr.write("make-clean-devset: %d documents, %d lines: %d article, %d template, %d foreign -> %s.txt/.labels\n"
                     % (len(docs), total + len(docs) - 1, art, tmpl, forg, args.out_prefix))
    for k in sorted(counts):
        sys.stderr.write("  %-24s %6d\n" % (k, counts[k]))


if __name__ == "__main__":
    main()
