#include "common/flat_hash.h"

#include <gtest/gtest.h>

#include <random>
#include <unordered_map>
#include <unordered_set>

namespace kazprep {
namespace {

// Property: the same answers as std::unordered_map over random keys
// (including 0 and keys that share slots), through growth.
TEST(FlatHashMap64Test, PropertyAgreesWithUnorderedMap) {
  std::mt19937_64 rng(3);
  FlatHashMap64<uint32_t> flat;
  std::unordered_map<uint64_t, uint32_t> reference;
  for (int k = 0; k < 20000; ++k) {
    // Small keys collide often; 0 is the table's empty mark, kept aside.
    const uint64_t key = k % 3 == 0 ? rng() % 64 : rng();
    const uint32_t value = static_cast<uint32_t>(rng());
    if (k % 2 == 0) {
      flat[key] += value;
      reference[key] += value;
    } else {
      EXPECT_EQ(flat.Insert(key, value), reference.emplace(key, value).second);
    }
  }
  EXPECT_EQ(flat.size(), reference.size());
  for (const auto& [key, value] : reference) {
    const uint32_t* found = flat.Find(key);
    ASSERT_NE(found, nullptr) << key;
    EXPECT_EQ(*found, value) << key;
  }
  for (int k = 0; k < 1000; ++k) {
    const uint64_t key = rng();
    EXPECT_EQ(flat.Contains(key), reference.count(key) > 0);
  }
  size_t visited = 0;
  flat.ForEach([&](uint64_t key, uint32_t value) {
    EXPECT_EQ(reference.at(key), value);
    ++visited;
  });
  EXPECT_EQ(visited, reference.size());
}

// Property: the set answers as std::unordered_set does over random keys
// (0 and keys that share slots included), through growth and clearing.
TEST(FlatHashSet64Test, PropertyAgreesWithUnorderedSet) {
  std::mt19937_64 rng(5);
  FlatHashSet64 flat;
  std::unordered_set<uint64_t> reference;
  for (int round = 0; round < 4; ++round) {
    // Rounds of different sizes: Clear() keeps small tables, frees large ones.
    const int inserts = round % 2 == 0 ? 20000 : 300;
    // Room made half-way through the inserts (Reserve() rehashes what is
    // there), for all of them or for fewer than there are, or not.
    for (int k = 0; k < inserts; ++k) {
      if (round >= 2 && k == inserts / 2) {
        flat.Reserve(static_cast<size_t>(round == 2 ? inserts : inserts / 10));
      }
      const uint64_t key = k % 3 == 0 ? rng() % 64 : rng();
      ASSERT_EQ(flat.Insert(key), reference.insert(key).second) << key;
    }
    ASSERT_EQ(flat.size(), reference.size());
    for (const uint64_t key : reference) ASSERT_TRUE(flat.Contains(key)) << key;
    for (int k = 0; k < 1000; ++k) {
      const uint64_t key = k % 2 == 0 ? rng() % 128 : rng();
      EXPECT_EQ(flat.Contains(key), reference.count(key) > 0) << key;
    }
    flat.Clear();
    reference.clear();
    EXPECT_EQ(flat.size(), 0u);
    EXPECT_FALSE(flat.Contains(0));
  }
}

TEST(FlatHashMap64Test, EmptyMapAndZeroKey) {
  FlatHashMap64<int> map;
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.Find(0), nullptr);
  EXPECT_EQ(map.Find(42), nullptr);
  map[0] = 7;
  EXPECT_EQ(*map.Find(0), 7);
  EXPECT_EQ(map.size(), 1u);
  FlatHashSet64 set;
  EXPECT_FALSE(set.Contains(5));
  EXPECT_TRUE(set.Insert(0));
  EXPECT_TRUE(set.Insert(5));
  EXPECT_FALSE(set.Insert(5));
  EXPECT_FALSE(set.Insert(0));
  EXPECT_TRUE(set.Contains(0));
  EXPECT_TRUE(set.Contains(5));
  EXPECT_FALSE(set.Contains(6));
  EXPECT_EQ(set.size(), 2u);
}

}  // namespace
}  // namespace kazprep
