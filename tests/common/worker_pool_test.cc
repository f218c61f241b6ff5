#include "common/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <string>

namespace kazprep {
namespace {

TEST(WorkerPoolTest, ResultsComeBackThroughTheirFutures) {
  WorkerPool pool(2);
  std::vector<std::future<int>> futures;
  for (int i = 0; i < 100; ++i) futures.push_back(pool.Submit([i] { return i * i; }));
  for (int i = 0; i < 100; ++i) EXPECT_EQ(futures[i].get(), i * i);
}

// The point of the pool: the same few threads run every task, so per-thread
// state (the typo corrector's decision cache, Hunspell) is kept.
TEST(WorkerPoolTest, TasksRunOnTheSameThreads) {
  WorkerPool pool(2);
  std::vector<std::future<std::thread::id>> futures;
  for (int i = 0; i < 200; ++i) {
    futures.push_back(pool.Submit([] { return std::this_thread::get_id(); }));
  }
  std::set<std::thread::id> ids;
  for (auto& f : futures) ids.insert(f.get());
  EXPECT_LE(ids.size(), 2u);
  EXPECT_EQ(ids.count(std::this_thread::get_id()), 0u);
}

TEST(WorkerPoolTest, AnExceptionReachesTheFuture) {
  WorkerPool pool(1);
  auto f = pool.Submit([]() -> int { throw std::runtime_error("boom"); });
  EXPECT_THROW(f.get(), std::runtime_error);
  EXPECT_EQ(pool.Submit([] { return 7; }).get(), 7);  // the worker survived
}

TEST(WorkerPoolTest, DestructionFinishesQueuedTasks) {
  std::atomic<int> done{0};
  {
    WorkerPool pool(2);
    for (int i = 0; i < 50; ++i) pool.Submit([&done] { ++done; });
  }
  EXPECT_EQ(done.load(), 50);
}

}  // namespace
}  // namespace kazprep
