#include "pipeline/inbox/group_committer.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using namespace pipeline::inbox;

TEST_CASE("a group committer commits every item once, in order, before it is destroyed",
          "[inbox][committer]") {
  std::vector<int> committed;
  std::vector<std::size_t> group_sizes;
  {
    GroupCommitter<int> committer(8, [&](std::vector<int>& group) {
      group_sizes.push_back(group.size());
      committed.insert(committed.end(), group.begin(), group.end());
      std::this_thread::sleep_for(std::chrono::milliseconds(2));  // a flush
    });
    for (int i = 0; i < 200; ++i) committer.submit(i);
  }
  REQUIRE(committed.size() == 200);
  for (int i = 0; i < 200; ++i) CHECK(committed[static_cast<std::size_t>(i)] == i);
  // While one group is flushed the next gathers: fewer groups than items, none over the limit.
  CHECK(group_sizes.size() < 200);
  for (const std::size_t size : group_sizes) CHECK(size <= 8);
}

TEST_CASE("a group committer holds at most its limit waiting, and a quiet one commits alone",
          "[inbox][committer]") {
  std::atomic<bool> release{false};
  std::atomic<int> groups{0};
  std::vector<std::size_t> sizes;
  std::mutex mutex;
  GroupCommitter<int> committer(2, [&](std::vector<int>& group) {
    {
      std::lock_guard lock(mutex);
      sizes.push_back(group.size());
    }
    ++groups;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  committer.submit(1);  // committed alone: nothing else waits
  while (groups < 1) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK_FALSE(committer.idle());
  committer.submit(2);
  committer.submit(3);  // two waiting: the limit
  std::atomic<bool> fourth_in{false};
  std::thread producer([&] {
    committer.submit(4);  // blocks until the group of 2 and 3 is taken
    fourth_in = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(fourth_in);
  release = true;
  producer.join();
  CHECK(fourth_in);
  while (!committer.idle()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::lock_guard lock(mutex);
  REQUIRE(sizes.size() >= 3);
  CHECK(sizes[0] == 1);
  CHECK(sizes[1] == 2);
}
