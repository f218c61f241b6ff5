#include "preprocess/char_lm.h"

#include <algorithm>
#include <cmath>

#include "common/hash.h"

namespace kazprep {
namespace {

constexpr double kDiscount = 0.75;
constexpr char32_t kStart = U'^';
constexpr char32_t kEnd = U'$';

// Hash of padded[pos-len, pos) (the context, len letters) and, unless
// `next` is 0, the letter that follows; the length seeds the hash so that
// contexts of different lengths are told apart.
uint64_t HashOf(const std::u32string& padded, size_t pos, size_t len, char32_t next) {
  const std::u32string_view context(padded.data() + pos - len, len);
  return FnvAdd(Fnv1a(context, kFnvOffset ^ (len * 0x9E3779B97F4A7C15ULL)),
                next == 0 ? 0xFFFFFFFFULL : next);
}

std::u32string Pad(const std::u32string& word, int order) {
  std::u32string padded(static_cast<size_t>(order - 1), kStart);
  padded += word;
  padded.push_back(kEnd);
  return padded;
}

}  // namespace

void CharLm::Add(const std::u32string& word) {
  const std::u32string padded = Pad(word, order_);
  for (size_t pos = static_cast<size_t>(order_ - 1); pos < padded.size(); ++pos) {
    for (int len = 0; len < order_; ++len) {
      Entry* gram = Slot(HashOf(padded, pos, static_cast<size_t>(len), padded[pos]));
      const bool new_follower = gram->count++ == 0;
      Entry* context = Slot(HashOf(padded, pos, static_cast<size_t>(len), 0));
      ++context->count;
      context->followers += new_follower;
    }
  }
}

void CharLm::Train() {
  // The empty context's followers are the alphabet (letters and the end mark).
  const Entry* root = Find(HashOf(std::u32string(1, kStart), 0, 0, 0));
  uniform_ = 1.0 / (root != nullptr ? root->followers + 1.0 : 64.0);
}

CharLm::Entry* CharLm::Slot(uint64_t key) {
  if (key == 0) key = 1;
  if (2 * (used_ + 1) > table_.size()) Grow();
  const size_t mask = table_.size() - 1;
  for (size_t i = (key * 0x9E3779B97F4A7C15ULL) >> 20 & mask;; i = (i + 1) & mask) {
    if (table_[i].key == key) return &table_[i];
    if (table_[i].key == 0) {
      table_[i].key = key;
      ++used_;
      return &table_[i];
    }
  }
}

const CharLm::Entry* CharLm::Find(uint64_t key) const {
  if (key == 0) key = 1;
  if (table_.empty()) return nullptr;
  const size_t mask = table_.size() - 1;
  for (size_t i = (key * 0x9E3779B97F4A7C15ULL) >> 20 & mask;; i = (i + 1) & mask) {
    if (table_[i].key == key) return &table_[i];
    if (table_[i].key == 0) return nullptr;
  }
}

void CharLm::Grow() {
  std::vector<Entry> old;
  old.swap(table_);
  table_.resize(old.empty() ? 1024 : old.size() * 2);
  const size_t mask = table_.size() - 1;
  for (const Entry& e : old) {
    if (e.key == 0) continue;
    size_t i = (e.key * 0x9E3779B97F4A7C15ULL) >> 20 & mask;
    while (table_[i].key != 0) i = (i + 1) & mask;
    table_[i] = e;
  }
}

// P(letter | its k-1 predecessors), interpolated down to uniform; contexts[j]
// and grams[j] are the hashes for a context of j letters.
double CharLm::Prob(const uint64_t* contexts, const uint64_t* grams, int k) const {
  double p = uniform_;
  for (int j = 0; j < k; ++j) {
    const Entry* context = Find(contexts[j]);
    if (context == nullptr) break;  // longer contexts are unseen too
    const Entry* gram = Find(grams[j]);
    const double total = context->count;
    const double count = gram != nullptr ? gram->count : 0;
    p = std::max(count - kDiscount, 0.0) / total + kDiscount * context->followers / total * p;
  }
  return p;
}

double CharLm::LogProb(const std::u32string& word) const {
  const std::u32string padded = Pad(word, order_);
  double log_prob = 0;
  uint64_t contexts[16], grams[16];
  for (size_t pos = static_cast<size_t>(order_ - 1); pos < padded.size(); ++pos) {
    for (int len = 0; len < order_; ++len) {
      contexts[len] = HashOf(padded, pos, static_cast<size_t>(len), 0);
      grams[len] = HashOf(padded, pos, static_cast<size_t>(len), padded[pos]);
    }
    log_prob += std::log(Prob(contexts, grams, order_));
  }
  return log_prob;
}

}  // namespace kazprep
