#include "pipeline/inbox/worker_pool.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace pipeline::inbox;

TEST_CASE("a worker pool runs every job handed over, each once, before it is destroyed",
          "[inbox][workers]") {
  std::mutex mutex;
  std::multiset<int> done;
  const std::atomic<bool> stop{false};
  {
    WorkerPool<int> pool(3, [&](int job) {
      std::lock_guard lock(mutex);
      done.insert(job);
    });
    for (int i = 0; i < 100; ++i) {
      REQUIRE(pool.wait_free(stop));
      pool.hand(i);
    }
  }
  REQUIRE(done.size() == 100);
  for (int i = 0; i < 100; ++i) CHECK(done.count(i) == 1);
}

TEST_CASE("a worker pool is free only while a worker can take a job at once", "[inbox][workers]") {
  std::atomic<bool> release{false};
  std::atomic<int> running{0};
  std::atomic<bool> stop{false};
  WorkerPool<int> pool(2, [&](int) {
    ++running;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    --running;
  });
  CHECK(pool.idle());
  REQUIRE(pool.wait_free(stop));
  pool.hand(1);
  REQUIRE(pool.wait_free(stop));
  pool.hand(2);
  while (running < 2) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK_FALSE(pool.idle());
  // Both workers busy: waiting for a free one returns only when stopped.
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stop = true;
  });
  CHECK_FALSE(pool.wait_free(stop));
  stopper.join();
  release = true;
  while (!pool.idle()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK(running == 0);
}
