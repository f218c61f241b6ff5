#include "preprocess/typo_corrector.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <utility>

#include "preprocess/text_util.h"
#include "tests/test_util.h"

namespace kazprep {
namespace {

std::unique_ptr<TypoCorrector> Make(bool with_hunspell) {
  TypoOptions options;
  if (!with_hunspell) options.hunspell.clear();
  std::unique_ptr<TypoCorrector> t;
  const Status status = TypoCorrector::Load(options, &t);
  EXPECT_TRUE(status.ok()) << status.message();
  return t;
}

std::string Fix(const TypoCorrector& t, const std::string& word) {
  TypoFix fix;
  return t.Correct(word, &fix) ? fix.correction : word;
}

// The correction of `word` and the evidence for it; {word, ""} when none.
std::pair<std::string, std::string> FixAndWhy(const TypoCorrector& t, const std::string& word) {
  TypoFix fix;
  if (!t.Correct(word, &fix)) return {word, ""};
  return {fix.correction, fix.evidence};
}
using Why = std::pair<std::string, std::string>;

TEST(TypoCorrectorTest, CorrectsFromTheLexicon) {
  const auto t = Make(false);
  EXPECT_EQ(Fix(*t, "техологиялары"), "технологиялары");  // a letter left out
  EXPECT_EQ(Fix(*t, "кейейтуге"), "кеңейтуге");           // a wrong letter
  EXPECT_EQ(Fix(*t, "казакстан"), "қазақстан");           // typed on a Russian keyboard
}

// The indexes built on two threads while loading are the same: every
// decision (and its score) on typed words agrees.
TEST(TypoCorrectorTest, LoadingOnTwoThreadsBuildsTheSameTables) {
  TypoOptions options;
  options.hunspell.clear();
  std::unique_ptr<TypoCorrector> one, two;
  ASSERT_TRUE(TypoCorrector::Load(options, &one).ok());
  options.threads = 2;
  ASSERT_TRUE(TypoCorrector::Load(options, &two).ok());
  size_t corrected = 0;
  for (const char* w : {"техологиялары", "кейейтуге", "казакстан", "томен", "туратын", "айтт",
                        "мектеп", "кейн", "акпараттық", "балаларга", "жумыс", "улттык",
                        "корсететін", "адамдардын", "тайдырып", "шыгармашылык", "жаоыстан",
                        "кошбасшылықты", "көреткен"}) {  // attested, attested, sole candidate
    TypoFix a, b;
    const bool fa = one->Correct(w, &a), fb = two->Correct(w, &b);
    EXPECT_EQ(fa, fb) << w;
    EXPECT_EQ(a.correction, b.correction) << w;
    EXPECT_EQ(a.score, b.score) << w;
    corrected += fa ? 1 : 0;
  }
  EXPECT_GE(corrected, 8u);
}

// A close call between lexicon candidates (соында: осында, two letters
// swapped, or соңында, a letter left out?) is left alone without context;
// the neighbouring words decide it, and the audit says so.
TEST(TypoCorrectorTest, NeighbouringWordsDecideACloseCall) {
  const auto t = Make(false);
  ASSERT_GT(t->lexicon().bigram_size(), 0u);
  TypoFix fix;
  EXPECT_FALSE(t->Correct("соында", &fix));
  const std::function<TypoContext()> day = [] { return TypoContext{"күннің", ""}; };
  ASSERT_TRUE(t->Correct("соында", &fix, &day));  // "at the end of the day"
  EXPECT_EQ(fix.correction, "соңында");
  EXPECT_STREQ(fix.evidence, "context");
  EXPECT_GT(fix.cost, 0);
  const std::function<TypoContext()> alone = [] { return TypoContext{"<s>", "</s>"}; };
  ASSERT_TRUE(t->Correct("соында", &fix, &alone));  // "here", a sentence of its own
  EXPECT_EQ(fix.correction, "осында");
  // Neighbours the lexicon does not know decide nothing.
  const std::function<TypoContext()> unknown = [] { return TypoContext{"ххх", ""}; };
  EXPECT_FALSE(t->Correct("соында", &fix, &unknown));
  // A known word never changes, whatever its neighbours.
  EXPECT_FALSE(t->Correct("соңында", &fix, &alone));
}

// Found by fuzzing: "лнын" was corrected to "онын", which a second pass
// corrected to "оның". A correction is followed to a word that is kept.
TEST(TypoCorrectorTest, CorrectionsAreWordsItKeeps) {
  const auto t = Make(false);
  EXPECT_EQ(Fix(*t, "лнын"), "оның");
  for (const char* w : {"лнын", "онын", "казакстан", "техологиялары", "кейейтуге", "томен"}) {
    const std::string once = Fix(*t, w);
    EXPECT_EQ(Fix(*t, once), once) << w << " -> " << once;
  }
}

TEST(TypoCorrectorTest, LeavesKnownShortNamedAndForeignWordsAlone) {
  const auto t = Make(false);
  for (const char* word : {"және", "ниетті", "тел", "Шерматов", "Техологиялары", "iPhone",
                           "экотуризмдері", "архитектурасын", "серіктестермен"}) {
    EXPECT_EQ(Fix(*t, word), word) << word;
  }
}

// Valid forms missing from the lexicon (and from Hunspell) that an edit away
// from a lexicon word: the letter model and the lexicon's endings keep them.
TEST(TypoCorrectorTest, KeepsValidFormsTheLexiconHasNotSeen) {
  for (const bool with_hunspell : {false, true}) {
    if (with_hunspell && ::access("/usr/share/hunspell/kk_KZ.dic", R_OK) != 0) continue;
    const auto t = Make(with_hunspell);
    for (const char* word :
         {"күйеуіне", "эмоционалды", "тағылуда", "фотографтар", "иығына", "ауытқулары", "пацифисті",
          "пойызбен", "жұтқан", "бітетін", "киемін", "бояғаннан",
          "тайдырып"}) {  // тай + дыр + ып: a lexicon word and two endings
      EXPECT_EQ(Fix(*t, word), word) << word << (with_hunspell ? " (with Hunspell)" : "");
    }
  }
}

// A word typed on a Russian keyboard reads as a lexicon word plus an ending
// (том + ен, тура + тын); the frequent word with the Kazakh letters put back
// wins. Only letters the Russian keyboard lacks may differ.
TEST(TypoCorrectorTest, RestoresKazakhLettersOverAStemAndEnding) {
  const auto t = Make(false);
  for (const auto& [typed, meant] : {std::pair<std::string, std::string>{"томен", "төмен"},
                                     {"туратын", "тұратын"},
                                     {"акпараттық", "ақпараттық"}}) {
    EXPECT_EQ(FixAndWhy(*t, typed), Why(meant, "restored-letters"));
  }
}

// A whole word typed on a Russian keyboard whose Kazakh form the lexicon has
// not seen: its letters are put back over a lexicon word and its endings
// when that gives exactly one form (шешім + інен), and two or more letters
// come back; a single letter is left to the lexicon's candidates.
TEST(TypoCorrectorTest, RestoresKazakhLettersOfAFormTheLexiconHasNotSeen) {
  const auto t = Make(false);
  ASSERT_FALSE(t->Known("шешімінен"));
  ASSERT_FALSE(t->Known("мәлімдегендіктен"));
  EXPECT_EQ(FixAndWhy(*t, "шешиминен"), Why("шешімінен", "restored-letters+ending"));
  EXPECT_EQ(Fix(*t, "малимдегендиктен"), "мәлімдегендіктен");
  // Not жасағаның: one letter is the lexicon's business.
  EXPECT_EQ(FixAndWhy(*t, "жасаганын"), Why("жасағанын", "lexicon"));
}

// Endings follow the stem's last sound: "кей" + "н" is no Kazakh form, so
// кейн is not vouched for and becomes the frequent кейін.
TEST(TypoCorrectorTest, EndingsMatchTheStemTheyFollow) {
  const auto t = Make(false);
  EXPECT_EQ(Fix(*t, "кейн"), "кейін");
}

// A form seen once may itself be a typo of the corpus: it is not protected.
TEST(TypoCorrectorTest, AFormSeenOnceIsNotKnown) {
  const auto t = Make(false);
  ASSERT_EQ(t->lexicon().Count("арналган"), 1u);
  EXPECT_FALSE(t->Known("арналган"));
  EXPECT_TRUE(t->Known("арналған"));
  EXPECT_EQ(Fix(*t, "арналган"), "арналған");
  EXPECT_EQ(Fix(*t, "аралыгында"), "аралығында");
}

TEST(TypoCorrectorTest, SaysWhyItCorrects) {
  const auto t = Make(false);
  TypoFix fix;
  ASSERT_TRUE(t->Correct("кейейтуге", &fix));
  EXPECT_EQ(fix.correction, "кеңейтуге");
  EXPECT_STREQ(fix.evidence, "lexicon");
  EXPECT_DOUBLE_EQ(fix.cost, 1.0);
  EXPECT_GT(fix.score, 5.0);  // at least the score of "the input is right"
  // The cached second answer is the same.
  TypoFix again;
  ASSERT_TRUE(t->Correct("кейейтуге", &again));
  EXPECT_EQ(again.correction, fix.correction);
  EXPECT_EQ(again.score, fix.score);
}

// A letter typed twice that Kazakh does not double (a vowel, д, or any
// letter at the start of a word) is undone before the lexicon candidates are
// weighed: сондаа is сонда, not the more frequent сондай.
TEST(TypoCorrectorTest, UndoesALetterKazakhDoesNotDouble) {
  const auto t = Make(false);
  TypoFix fix;
  ASSERT_TRUE(t->Correct("сондаа", &fix));
  EXPECT_EQ(fix.correction, "сонда");
  EXPECT_STREQ(fix.evidence, "doubled-letter");
  EXPECT_DOUBLE_EQ(fix.cost, 1.0);
  EXPECT_EQ(Fix(*t, "аалдыңғы"), "алдыңғы");
  EXPECT_EQ(Fix(*t, "ссізде"), "сізде");  // at the start
  EXPECT_EQ(Fix(*t, "отырдды"), "отырды");
  EXPECT_EQ(Fix(*t, "идеясыы"), "идеясы");
  // Letters Kazakh doubles where a stem and an ending meet stay (the
  // lexicon has seen these forms once only, so they are not known).
  ASSERT_FALSE(t->Known("туристтерге"));
  EXPECT_EQ(Fix(*t, "туристтерге"), "туристтерге");
  EXPECT_EQ(Fix(*t, "класста"), "класста");
  EXPECT_EQ(Fix(*t, "виртууалды"), "виртууалды");  // у, like и, doubles: жау + у + ы
}

// The second opinion (a letter trigram the lexicon almost never has) puts
// back a letter left out of a word of 8 letters (тарпынан: "рпы").
TEST(TypoCorrectorTest, SecondOpinionPutsBackALetterLeftOut) {
  const auto t = Make(false);
  EXPECT_EQ(FixAndWhy(*t, "тарпынан"), Why("тарапынан", "rare-letters"));
}

// Loads a corrector from a rules folder in `dir` with the shipped
// confusions, `lexicon` (nullptr: the shipped one) and `attested` (nullptr:
// no such file).
Status LoadFrom(const testing::TempDir& dir, const char* lexicon, const char* attested,
                std::unique_ptr<TypoCorrector>* t, const char* keyboard = nullptr) {
  std::filesystem::create_directories(dir.File("typos"));
  const std::string models = KAZPREP_SOURCE_DIR "/models/";
  const auto copy = std::filesystem::copy_options::overwrite_existing;
  for (const char* table : {"typos/confusions.tsv", "typos/keyboard.tsv"}) {
    std::filesystem::copy_file(models + table, dir.File(table), copy);
  }
  if (lexicon == nullptr) {
    std::filesystem::copy_file(models + "typos/kk.lexicon.tsv", dir.File("typos/kk.lexicon.tsv"),
                               copy);
  } else {
    testing::Spit(dir.File("typos/kk.lexicon.tsv"), lexicon);
  }
  if (keyboard != nullptr) testing::Spit(dir.File("typos/keyboard.tsv"), keyboard);
  if (attested != nullptr) {
    testing::Spit(dir.File("typos/kk.attested.txt"), attested);
  } else {
    std::filesystem::remove(dir.File("typos/kk.attested.txt"));
  }
  TypoOptions options;
  options.hunspell.clear();
  options.rules_dir = dir.path();
  return TypoCorrector::Load(options, t);
}

// When the lexicon has no clear candidate and nothing vouches for the word,
// the word left by undoing the letter typed twice may also be one the
// lexicon has not seen but explains (a lexicon word plus an ending).
TEST(TypoCorrectorTest, UndoesADoubledLetterToAWordAndAnEnding) {
  const auto t = Make(false);
  ASSERT_FALSE(t->Known("қыркүйегіне"));
  EXPECT_EQ(FixAndWhy(*t, "қырркүйегіне"), Why("қыркүйегіне", "doubled-letter+ending"));
  EXPECT_EQ(Fix(*t, "әәріптестердің"), "әріптестердің");
}

// Two letters typed twice that each undone give a known word: no way to
// tell which, so neither is undone.
TEST(TypoCorrectorTest, UndoesADoubledLetterOnlyWhenOneWordIsLeft) {
  testing::TempDir dir;
  std::unique_ptr<TypoCorrector> t;
  // A frequent word keeps б and а rarely doubled.
  const Status status =
      LoadFrom(dir, "абвгабвгабвг\t100000\nбалаа\t5\nббала\t5\nтаулар\t5\n", "# none\n", &t);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(Fix(*t, "ббалаа"), "ббалаа");
  EXPECT_EQ(Fix(*t, "ттаулар"), "таулар");
}

// A letter replaced by its neighbour on a Kazakh keyboard costs one edit
// (typos/keyboard.tsv), in the row above or below a little more; a far
// letter costs as much as two, past any candidate.
TEST(TypoCorrectorTest, AKeyboardNeighbourIsACheapErrorAFarLetterIsNot) {
  testing::TempDir dir;
  std::unique_ptr<TypoCorrector> t;
  const Status status = LoadFrom(dir, "мемлекеттер\t100000\n", "# none\n", &t);
  ASSERT_TRUE(status.ok()) << status.message();
  struct Case {
    const char* typed;
    double cost;  // 0: left alone
  } cases[] = {
      {"мемлекеьтер", 1.0},   // ь beside т in the same row
      {"мемлекеттеп", 1.0},   // п beside р in the same row
      {"мемлекттер", 1.0},    // a letter left out
      {"мемлекетттер", 1.0},  // a letter typed twice
      {"мемлкеттер", 1.0},    // two letters swapped
      {"мемлеаеттер", 1.2},   // а below к
      {"мемлеңеттер", 1.2},   // ң above к (the Kazakh layout's digit row)
      {"мемлеқеттер", 1.2},   // қ below к (the Kazakh with Russian layout)
      {"мемлекетжер", 0},     // ж is far from т
      {"мемлешеттер", 0},     // ш is far from к
  };
  for (const Case& c : cases) {
    TypoFix fix;
    if (c.cost == 0) {
      EXPECT_FALSE(t->Correct(c.typed, &fix)) << c.typed << " -> " << fix.correction;
      continue;
    }
    if (!t->Correct(c.typed, &fix)) {
      ADD_FAILURE() << c.typed << " left alone";
      continue;
    }
    EXPECT_EQ(fix.correction, "мемлекеттер") << c.typed;
    EXPECT_DOUBLE_EQ(fix.cost, c.cost) << c.typed;
  }
  // In the Kazakh (with Russian) layout ң sits beside й: кейейтуге, a typo
  // of the seed article.
  ASSERT_TRUE(LoadFrom(dir, "кеңейтуге\t100000\n", "# none\n", &t).ok());
  TypoFix fix;
  ASSERT_TRUE(t->Correct("кейейтуге", &fix));
  EXPECT_DOUBLE_EQ(fix.cost, 1.0);
}

TEST(TypoCorrectorTest, ABadKeyboardNamesItsLine) {
  testing::TempDir dir;
  std::unique_ptr<TypoCorrector> t;
  const struct {
    const char* rows;
    const char* error;
  } cases[] = {
      {"# rows\nkz\tйцу\nkz\n", "keyboard.tsv:3: expected LAYOUT, KEYS"},
      {"kz\tйцу\nkz\tф ыв\n", "keyboard.tsv:2: keys with nothing between them"},
      {"kz\tйцу\nkz\tфыц\n", "keyboard.tsv:2: a key given twice"},
      {"kz\tйцй\n", "keyboard.tsv:1: a key given twice"},
      {"kz\tйцу\nru\tйцу\nkz\tфыв\n", "keyboard.tsv:3: the rows of a layout must be together"},
  };
  for (const auto& c : cases) {
    const Status status = LoadFrom(dir, "сөз\t10\n", "# none\n", &t, c.rows);
    EXPECT_NE(status.message().find(c.error), std::string::npos) << c.rows << status.message();
  }
  // Two layouts may share keys.
  EXPECT_TRUE(LoadFrom(dir, "сөз\t10\n", "# none\n", &t, "kz\tйцу\nru\tйцу\n").ok());
}

TEST(TypoCorrectorTest, PutsBackAMissingLetterTheEndingsExplain) {
  const auto t = Make(false);
  EXPECT_EQ(FixAndWhy(*t, "тұсаукесерері"), Why("тұсаукесерлері", "put-back"));
  // Not in a word of 4 letters, too short for the letter model to judge
  // (бәке, a form of address, would become бәске).
  EXPECT_EQ(Fix(*t, "бәке"), "бәке");
}

// The words the neighbour properties ask about: the example's words
// (lower-cased, 4 letters or more), long words (two or more of them run
// together), and the same words with one or two random edits (the unknown
// words a corrector is asked about).
const std::u32string& KazakhLetters() {
  static const std::u32string letters = text::Decode("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя");
  return letters;
}

std::vector<std::u32string> WordsToAskAbout() {
  const std::u32string& letters = KazakhLetters();
  std::vector<std::u32string> words;
  const std::string text =
      testing::Slurp(std::string(KAZPREP_SOURCE_DIR) + "/examples/news.kk.raw.txt");
  std::u32string word;
  for (const char32_t c : text::Decode(text) + U' ') {
    if (text::IsCyrillicLetter(c)) {
      word.push_back(text::IsLower(c) ? c
                                      : static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    } else if (!word.empty()) {
      if (word.size() >= 4) words.push_back(word);
      word.clear();
    }
  }
  EXPECT_GT(words.size(), 100u);
  if (words.empty()) return words;
  std::mt19937 rng(7);
  const size_t n = words.size();
  // Long words too (forms past 2 x 8 ending letters, and past the 64 letters
  // Plausible takes): two or more of the example's words run together.
  for (size_t i = 0; i < 40; ++i) {
    std::u32string w = words[rng() % n];
    while (w.size() < 18 + 3 * i) w += words[rng() % n];
    words.push_back(w);
  }
  for (size_t i = 0; i < 2 * n; ++i) {  // one or two random edits
    std::u32string w = words[rng() % n];
    for (int edits = 1 + static_cast<int>(i >= n); edits > 0; --edits) {
      const size_t k = rng() % w.size();
      switch (rng() % 3) {
        case 0:
          w.insert(w.begin() + static_cast<std::ptrdiff_t>(k), letters[rng() % letters.size()]);
          break;
        case 1:
          w[k] = letters[rng() % letters.size()];
          break;
        default:
          if (w.size() > 4) w.erase(k, 1);
      }
    }
    words.push_back(w);
  }
  return words;
}

// The forms one edit from `w` that `keep` accepts, sorted: a letter
// inserted, replaced or deleted (with `any_deletion`, else only one of a
// doubled letter), or two neighbours swapped.
template <typename Keep>
std::vector<std::u32string> BruteForce(const std::u32string& w, const Keep& keep,
                                       bool any_deletion) {
  std::vector<std::u32string> out;
  const auto consider = [&](const std::u32string& form) {
    if (form != w && keep(form)) out.push_back(form);
  };
  for (size_t k = 0; k <= w.size(); ++k) {
    for (const char32_t c : KazakhLetters()) {
      consider(w.substr(0, k) + c + w.substr(k));
      if (k < w.size()) consider(w.substr(0, k) + c + w.substr(k + 1));
    }
    if (k < w.size() &&
        (any_deletion || (k > 0 && w[k - 1] == w[k]) || (k + 1 < w.size() && w[k + 1] == w[k]))) {
      consider(w.substr(0, k) + w.substr(k + 1));
    }
    if (k + 1 < w.size()) {
      std::u32string swapped = w;
      std::swap(swapped[k], swapped[k + 1]);
      consider(swapped);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Asks `neighbours` and BruteForce() about every word of WordsToAskAbout():
// the same forms, and some forms for at least a tenth of the words (or the
// property says nothing).
template <typename Keep, typename Neighbours>
void ExpectTheSameForms(const Keep& keep, bool any_deletion, const Neighbours& neighbours) {
  const std::vector<std::u32string> words = WordsToAskAbout();
  size_t with_forms = 0;
  for (const auto& w : words) {
    const auto expected = BruteForce(w, keep, any_deletion);
    with_forms += !expected.empty();
    ASSERT_EQ(neighbours(w), expected) << text::Encode(w);
  }
  EXPECT_GT(with_forms, words.size() / 10);
}

// Property: UnseenNeighbours() (which works out what does not depend on the
// edit once per word) gives exactly the forms one edit away that Plausible()
// accepts and the lexicon does not know, on the example's words and on the
// same words with one or two random edits (the unknown words it is asked
// about).
TEST(TypoCorrectorTest, PropertyUnseenNeighboursAreThePlausibleFormsOneEditAway) {
  const auto t = Make(false);
  ExpectTheSameForms(
      [&](const std::u32string& form) {
        return form.size() >= 4 && t->Plausible(form) && !t->Known(text::Encode(form));
      },
      /*any_deletion=*/false, [&](const std::u32string& w) { return t->UnseenNeighbours(w); });
}

// Forms that Kazakh web text attests (models/typos/kk.attested.txt) but the
// lexicon does not know are candidates when the lexicon has none.
TEST(TypoCorrectorTest, TakesAFormWebTextAttests) {
  const auto t = Make(false);
  for (const char* w : {"жарыстан", "жеңілгеннен", "көшбасшылықты"}) {
    ASSERT_FALSE(t->Known(w)) << w;
    ASSERT_TRUE(t->Attested(text::Decode(w))) << w;
  }
  EXPECT_EQ(FixAndWhy(*t, "жаоыстан"), Why("жарыстан", "attested"));        // a wrong letter
  EXPECT_EQ(FixAndWhy(*t, "жңеілгеннен"), Why("жеңілгеннен", "attested"));  // two swapped
  EXPECT_EQ(FixAndWhy(*t, "кошбасшылықты"), Why("көшбасшылықты", "attested"));
  const auto forms = t->AttestedNeighbours(text::Decode("жаоыстан"));
  EXPECT_NE(std::find(forms.begin(), forms.end(), text::Decode("жарыстан")), forms.end());
}

// Web text has typos of its own: an attested word is not a known word, and
// the lexicon still corrects it.
TEST(TypoCorrectorTest, AnAttestedTypoIsStillCorrected) {
  const auto t = Make(false);
  ASSERT_TRUE(t->Attested(text::Decode("болган")));
  ASSERT_TRUE(t->Attested(text::Decode("керк")));
  EXPECT_EQ(Fix(*t, "болган"), "болған");  // typed on a Russian keyboard
  EXPECT_EQ(Fix(*t, "керк"), "керек");     // a letter left out
}

// The default models with `attested` as the attested word list.
std::unique_ptr<TypoCorrector> WithAttested(const testing::TempDir& dir, const char* attested) {
  std::unique_ptr<TypoCorrector> t;
  const Status status = LoadFrom(dir, nullptr, attested, &t);
  EXPECT_TRUE(status.ok()) << status.message();
  return t;
}

// A word that web text attests itself gets no attested rival (web text has
// typos of its own); the lexicon may still correct it.
TEST(TypoCorrectorTest, AnAttestedWordGetsNoAttestedRival) {
  testing::TempDir dir;
  EXPECT_EQ(FixAndWhy(*WithAttested(dir, "жарыстан\n"), "жаоыстан"), Why("жарыстан", "attested"));
  // The lexicon's endings suggest жарыс + тан.
  EXPECT_EQ(FixAndWhy(*WithAttested(dir, "жаоыстан\nжарыстан\n"), "жаоыстан"),
            Why("жарыстан", "lexicon"));
  EXPECT_EQ(FixAndWhy(*WithAttested(dir, "# none\n"), "жаоыстан"), Why("жарыстан", "lexicon"));
}

// A word with exactly one candidate in the lexicon and none in the attested
// list takes it (a typo of the NTREX reference); not when the word is
// attested itself or an attested form competes.
TEST(TypoCorrectorTest, TakesTheLexiconsSoleCandidate) {
  testing::TempDir dir;
  EXPECT_EQ(FixAndWhy(*WithAttested(dir, "# none\n"), "көреткен"),
            Why("көрсеткен", "sole-candidate"));
  EXPECT_EQ(Fix(*WithAttested(dir, "көреткен\n"), "көреткен"), "көреткен");
  EXPECT_EQ(Fix(*WithAttested(dir, "көретеен\n"), "көреткен"), "көреткен");
  const auto t = Make(false);
  EXPECT_EQ(FixAndWhy(*t, "көреткен"), Why("көрсеткен", "sole-candidate"));
  // A word that reads unlike Kazakh goes on to the last steps, where the
  // lexicon's suggestions have joined the candidates: only the lexicon's
  // own candidates count.
  EXPECT_EQ(FixAndWhy(*t, "отпқа"), Why("топқа", "sole-candidate"));
  // A lexicon word plus an ending (a suggestion, not a lexicon word) is no
  // sole candidate: алқақ would be a letter put back into a 4-letter word.
  for (const char* w : {"лқақ", "паіс", "аналзра"}) EXPECT_EQ(Fix(*t, w), w);
}

TEST(TypoCorrectorTest, ABadAttestedListNamesItsLine) {
  testing::TempDir dir;
  std::unique_ptr<TypoCorrector> t;
  EXPECT_NE(LoadFrom(dir, nullptr, nullptr, &t).message().find("kk.attested.txt: cannot open"),
            std::string::npos);
  for (const char* bad : {"Қазақстан", "kazakh", "сөз сөз", "\xD0"}) {
    const std::string list = std::string("# words\nсөз\n") + bad + "\n";
    const Status status = LoadFrom(dir, nullptr, list.c_str(), &t);
    EXPECT_NE(status.message().find("kk.attested.txt:3: expected a lower-case Cyrillic word"),
              std::string::npos)
        << bad << ": " << status.message();
  }
}

// Property: AttestedNeighbours() (Bloom filters, then the table, with
// hashes updated for each edit) gives exactly the forms one edit away that
// are Attested() and not known: no form lost to the filters' shortcuts.
TEST(TypoCorrectorTest, PropertyAttestedNeighboursAreTheAttestedFormsOneEditAway) {
  const auto t = Make(false);
  ExpectTheSameForms(
      [&](const std::u32string& form) {
        return t->Attested(form) && !t->Known(text::Encode(form));
      },
      /*any_deletion=*/true, [&](const std::u32string& w) { return t->AttestedNeighbours(w); });
}

TEST(TypoCorrectorTest, HunspellPutsBackAMissingLetter) {
  if (::access("/usr/share/hunspell/kk_KZ.dic", R_OK) != 0) {
    GTEST_SKIP() << "hunspell-kk is not installed";
  }
  const auto t = Make(true);
  EXPECT_EQ(Fix(*t, "тұсаукесерері"), "тұсаукесерлері");
}

// A lexicon of the user's own corpus adds the words of its domain; a bad one
// is an error naming its file and line.
TEST(TypoCorrectorTest, TheUsersLexiconTeachesTheWordsOfItsCorpus) {
  testing::TempDir dir;
  testing::Spit(dir.File("mine.tsv"), "блокчейнді\t40\nблокчейн\t60\n");
  testing::Spit(dir.File("bad.tsv"), "блокчейн\t60\nблокчейнді\tforty\n");
  TypoOptions options;
  options.hunspell.clear();
  std::unique_ptr<TypoCorrector> plain, taught, bad;
  ASSERT_TRUE(TypoCorrector::Load(options, &plain).ok());
  options.lexicons = {dir.File("mine.tsv")};
  ASSERT_TRUE(TypoCorrector::Load(options, &taught).ok());
  EXPECT_EQ(Fix(*plain, "блокчецнді"), "блокчецнді");
  EXPECT_EQ(FixAndWhy(*taught, "блокчецнді"), Why("блокчейнді", "lexicon"));
  EXPECT_TRUE(taught->Known("блокчейн"));
  EXPECT_EQ(taught->lexicon().Count("және"), plain->lexicon().Count("және"));  // the default stays
  // Words seen once are left out by their count over all the lexicons given:
  // блокчейнді once in each of two files is a word of the corpus.
  testing::Spit(dir.File("part1.tsv"), "блокчейн\t30\nблокчейнді\t1\n");
  testing::Spit(dir.File("part2.tsv"), "блокчейн\t30\nблокчейнді\t1\n");
  options.lexicons = {dir.File("part1.tsv")};
  std::unique_ptr<TypoCorrector> part;
  ASSERT_TRUE(TypoCorrector::Load(options, &part).ok());
  EXPECT_FALSE(part->Known("блокчейнді"));
  options.lexicons = {dir.File("part1.tsv"), dir.File("part2.tsv")};
  ASSERT_TRUE(TypoCorrector::Load(options, &part).ok());
  EXPECT_TRUE(part->Known("блокчейнді"));
  options.lexicons = {dir.File("bad.tsv")};
  const Status status = TypoCorrector::Load(options, &bad);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), dir.File("bad.tsv") + ":2: COUNT is not a number");
  options.lexicons = {dir.File("none.tsv")};
  EXPECT_NE(TypoCorrector::Load(options, &bad).message().find("none.tsv: cannot open"),
            std::string::npos);
}

TEST(TypoCorrectorTest, MissingHunspellDictionaryIsAnError) {
  TypoOptions options;
  options.hunspell = "/nonexistent/kk_KZ";
  std::unique_ptr<TypoCorrector> t;
  const Status status = TypoCorrector::Load(options, &t);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent/kk_KZ"), std::string::npos);
}

}  // namespace
}  // namespace kazprep
