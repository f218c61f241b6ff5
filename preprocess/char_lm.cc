#include "preprocess/char_lm.h"

#include <algorithm>
#include <cmath>

#include "common/hash.h"

namespace kazprep {
namespace {

constexpr double kDiscount = 0.75;
constexpr char32_t kStart = U'^';
constexpr char32_t kEnd = U'$';

// The hashes of the contexts padded[pos-len, pos) for len = 0 .. order-1
// (into contexts[len]) and of each context with the letter at `pos` (into
// grams[len]); the context grows one letter to the left at a time, and its
// length is mixed in so that contexts of different lengths are told apart.
void HashesAt(const std::u32string& padded, size_t pos, int order, uint64_t* contexts,
              uint64_t* grams) {
  uint64_t h = kFnvOffset;
  for (int len = 0; len < order; ++len) {
    if (len > 0) h = FnvAdd(h, padded[pos - static_cast<size_t>(len)]);
    const uint64_t context = FnvAdd(h, 0x100000000ULL + static_cast<uint64_t>(len));
    contexts[len] = context;
    grams[len] = FnvAdd(context, padded[pos]);
  }
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
  uint64_t contexts[16], grams[16];
  for (size_t pos = static_cast<size_t>(order_ - 1); pos < padded.size(); ++pos) {
    HashesAt(padded, pos, order_, contexts, grams);
    for (int len = 0; len < order_; ++len) {
      Entry* gram = Slot(grams[len]);
      const bool new_follower = gram->count++ == 0;
      Entry* context = Slot(contexts[len]);
      ++context->count;
      context->followers += new_follower;
    }
  }
}

void CharLm::Train() {
  // The empty context's followers are the alphabet (letters and the end mark).
  uint64_t contexts[16], grams[16];
  HashesAt(std::u32string(1, kStart), 0, 1, contexts, grams);
  const Entry* root = Find(contexts[0]);
  uniform_ = 1.0 / (root != nullptr ? root->followers + 1.0 : 64.0);
}

CharLm::Entry* CharLm::Slot(uint64_t key) {
  if (key == 0) key = 1;
  // At most three quarters full (the table is the typo corrector's largest:
  // 344,000 entries fit 8 MB instead of 16).
  if (4 * (used_ + 1) > 3 * table_.size()) Grow();
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
    HashesAt(padded, pos, order_, contexts, grams);
    log_prob += std::log(Prob(contexts, grams, order_));
  }
  return log_prob;
}

}  // namespace kazprep
