#pragma once
//! Where a value or element is in a submission ("cet-grant-proposal/table-d/line[3]/amount",
//! with " (table-d.csv row 7)" for CSV input), kept as parts and turned into text only when
//! asked (most locations never end up in a finding).
//!
//! A location is a shared, immutable parent text plus a short leaf held in place: the text is
//! head(parent) + leaf + tail(parent), where head is the parent element's path and tail its CSV
//! origin. Ingest builds one parent text per element whose values it reads; every location of
//! those values shares it. A location owns what it refers to (never a parsed document or
//! buffer), so it may outlive the reader and the tree; copies share the parent text.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>

namespace pipeline::core {

class Location {
 public:
  // The leaf text a location holds in place; longer leaves make a text of their own.
  static constexpr std::size_t kLeafCapacity = 39;

  // A shared text: `head` characters, then `tail` characters.
  class Shared {
   public:
    // A new shared text (one reference, released by the caller with release()).
    static Shared* make(std::string_view head, std::string_view tail) { return make({head}, tail); }
    // The same with the head given in parts.
    static Shared* make(std::initializer_list<std::string_view> head, std::string_view tail);
    std::string_view head() const { return {chars(), head_}; }
    std::string_view tail() const { return {chars() + head_, tail_}; }
    void retain() const { refs_.fetch_add(1, std::memory_order_relaxed); }
    void release() const {
      if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy(this);
    }

   private:
    Shared(std::uint32_t head, std::uint32_t tail) : head_(head), tail_(tail) {}
    static void destroy(const Shared* shared);
    const char* chars() const { return reinterpret_cast<const char*>(this + 1); }

    mutable std::atomic<std::uint32_t> refs_{1};
    std::uint32_t head_;
    std::uint32_t tail_;
  };

  Location() noexcept = default;
  // A whole text of its own.
  Location(const std::string& text) { assign(text); }  // NOLINT: implicit by design
  Location(std::string_view text) { assign(text); }    // NOLINT
  Location(const char* text) { assign(text); }         // NOLINT
  // `parent`'s head + `leaf` + `parent`'s tail (parent may be null: the leaf alone).
  Location(const Shared* parent, std::string_view leaf);
  // The same with the leaf `prefix` + `name` + "[index]" (no index when 0).
  Location(const Shared* parent, std::string_view prefix, std::string_view name,
           std::size_t index = 0);

  Location(const Location& other) noexcept : shared_(other.shared_), leaf_size_(other.leaf_size_) {
    if (shared_) shared_->retain();
    std::memcpy(leaf_, other.leaf_, sizeof leaf_);
  }
  Location(Location&& other) noexcept : shared_(other.shared_), leaf_size_(other.leaf_size_) {
    other.shared_ = nullptr;
    other.leaf_size_ = 0;
    std::memcpy(leaf_, other.leaf_, sizeof leaf_);
  }
  Location& operator=(const Location& other) noexcept {
    if (this != &other) {
      if (other.shared_) other.shared_->retain();
      if (shared_) shared_->release();
      shared_ = other.shared_;
      leaf_size_ = other.leaf_size_;
      std::memcpy(leaf_, other.leaf_, sizeof leaf_);
    }
    return *this;
  }
  Location& operator=(Location&& other) noexcept {
    if (this != &other) {
      if (shared_) shared_->release();
      shared_ = other.shared_;
      leaf_size_ = other.leaf_size_;
      std::memcpy(leaf_, other.leaf_, sizeof leaf_);
      other.shared_ = nullptr;
      other.leaf_size_ = 0;
    }
    return *this;
  }
  Location& operator=(const std::string& text) { return *this = Location(text); }
  Location& operator=(std::string_view text) { return *this = Location(text); }
  Location& operator=(const char* text) { return *this = Location(std::string_view(text)); }
  ~Location() {
    if (shared_) shared_->release();
  }

  bool empty() const { return size() == 0; }
  std::size_t size() const {
    return leaf_size_ + (shared_ ? shared_->head().size() + shared_->tail().size() : 0);
  }
  // The text.
  std::string str() const {
    std::string out;
    append_to(out);
    return out;
  }
  void append_to(std::string& out) const;

  friend bool operator==(const Location& a, std::string_view b);
  friend bool operator==(const Location& a, const char* b) { return a == std::string_view(b); }
  friend bool operator==(const Location& a, const std::string& b) {
    return a == std::string_view(b);
  }
  friend bool operator==(const Location& a, const Location& b) {
    return a == std::string_view(b.str());
  }
  friend std::string operator+(const Location& a, std::string_view b) {
    std::string out;
    out.reserve(a.size() + b.size());
    a.append_to(out);
    out += b;
    return out;
  }
  friend std::string operator+(std::string_view a, const Location& b) {
    std::string out(a);
    b.append_to(out);
    return out;
  }
  friend std::string operator+(const Location& a, char b) {
    std::string out = a.str();
    out += b;
    return out;
  }
  friend std::ostream& operator<<(std::ostream& out, const Location& location);

 private:
  void assign(std::string_view text);

  const Shared* shared_ = nullptr;
  std::uint8_t leaf_size_ = 0;
  char leaf_[kLeafCapacity] = {};
};

}  // namespace pipeline::core
