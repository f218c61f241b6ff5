// FlatHashMap64: a map from 64-bit keys that are already hashes (Fnv1a of a
// word, of an ending...) to small values, in two flat arrays with linear
// probing. The typo corrector looks such keys up thousands of times per
// unknown word; std::unordered_map's nodes cost a cache miss each (a fifth of
// the time of `normalize` with typo correction went to one such set's find).
//
// Not for keys an adversary chooses (no protection against collisions of the
// slot function); fine for hashes of the lexicon's words.
#ifndef KAZPREP_COMMON_FLAT_HASH_H_
#define KAZPREP_COMMON_FLAT_HASH_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kazprep {

template <typename V>
class FlatHashMap64 {
 public:
  size_t size() const { return size_ + (has_zero_ ? 1 : 0); }
  bool empty() const { return size() == 0; }

  // The value of `key`, or null.
  const V* Find(uint64_t key) const {
    if (key == 0) return has_zero_ ? &zero_value_ : nullptr;
    if (keys_.empty()) return nullptr;
    const size_t mask = keys_.size() - 1;
    for (size_t i = Slot(key) & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return &values_[i];
      if (keys_[i] == 0) return nullptr;
    }
  }
  V* Find(uint64_t key) { return const_cast<V*>(std::as_const(*this).Find(key)); }
  bool Contains(uint64_t key) const { return Find(key) != nullptr; }

  // The value of `key`, inserted as V{} when missing.
  V& operator[](uint64_t key) {
    if (key == 0) {
      has_zero_ = true;
      return zero_value_;
    }
    if (2 * (size_ + 1) > keys_.size()) Grow();
    const size_t mask = keys_.size() - 1;
    size_t i = Slot(key) & mask;
    for (; keys_[i] != 0; i = (i + 1) & mask) {
      if (keys_[i] == key) return values_[i];
    }
    keys_[i] = key;
    values_[i] = V{};
    ++size_;
    return values_[i];
  }

  // Inserts `key` with `value` unless it is there; true when inserted.
  bool Insert(uint64_t key, V value) {
    if (Find(key) != nullptr) return false;
    (*this)[key] = std::move(value);
    return true;
  }

  // Calls fn(key, value) for each entry, in no particular order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    if (has_zero_) fn(uint64_t{0}, zero_value_);
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] != 0) fn(keys_[i], values_[i]);
    }
  }

 private:
  friend class FlatHashSet64;
  // Mixes the key's bits (FNV's low bits are weak) into a slot number
  // (MurmurHash3's finalizer).
  static uint64_t Slot(uint64_t key) {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return key;
  }

  void Grow() {
    std::vector<uint64_t> keys;
    std::vector<V> values;
    keys.swap(keys_);
    values.swap(values_);
    const size_t capacity = keys.empty() ? 16 : 2 * keys.size();
    keys_.assign(capacity, 0);
    values_.assign(capacity, V{});
    size_ = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] != 0) (*this)[keys[i]] = std::move(values[i]);
    }
  }

  std::vector<uint64_t> keys_;  // 0: an empty slot (key 0 is kept aside)
  std::vector<V> values_;
  size_t size_ = 0;  // entries in keys_
  bool has_zero_ = false;
  V zero_value_{};
};

// A set of 64-bit hashes: the keys alone, 8 bytes a slot (the cleaner keeps
// one per distinct line of a corpus).
class FlatHashSet64 {
 public:
  // Inserts `key` unless it is there; true when inserted.
  bool Insert(uint64_t key) {
    if (key == 0) {
      const bool inserted = !has_zero_;
      has_zero_ = true;
      return inserted;
    }
    if (2 * (size_ + 1) > keys_.size()) Grow();
    const size_t i = FindSlot(key);
    if (keys_[i] == key) return false;
    keys_[i] = key;
    ++size_;
    return true;
  }
  bool Contains(uint64_t key) const {
    if (key == 0) return has_zero_;
    return !keys_.empty() && keys_[FindSlot(key)] == key;
  }
  size_t size() const { return size_ + (has_zero_ ? 1 : 0); }
  // Makes room for `n` keys in all, so that inserting them does not grow the table.
  void Reserve(size_t n) {
    size_t capacity = keys_.empty() ? 16 : keys_.size();
    while (capacity < 2 * n) capacity *= 2;
    if (capacity != keys_.size()) Rehash(capacity);
  }
  // Empties the set; a small table is kept for reuse, a large one freed.
  void Clear() {
    if (keys_.size() > kKeepOnClear) {
      std::vector<uint64_t>().swap(keys_);
    } else if (size_ > 0) {
      std::fill(keys_.begin(), keys_.end(), 0);
    }
    size_ = 0;
    has_zero_ = false;
  }

 private:
  static constexpr size_t kKeepOnClear = 1024;
  // The slot holding `key`, or the empty slot where it would go.
  size_t FindSlot(uint64_t key) const {
    const size_t mask = keys_.size() - 1;
    size_t i = FlatHashMap64<uint8_t>::Slot(key) & mask;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
    return i;
  }
  void Grow() { Rehash(keys_.empty() ? 16 : 2 * keys_.size()); }
  // Moves the keys into a table of `capacity` slots (a power of two).
  void Rehash(size_t capacity) {
    std::vector<uint64_t> old;
    old.swap(keys_);
    keys_.assign(capacity, 0);
    for (const uint64_t key : old) {
      if (key != 0) keys_[FindSlot(key)] = key;
    }
  }

  std::vector<uint64_t> keys_;  // 0: an empty slot (key 0 is kept aside)
  size_t size_ = 0;             // keys in keys_
  bool has_zero_ = false;
};

}  // namespace kazprep

#endif  // KAZPREP_COMMON_FLAT_HASH_H_
