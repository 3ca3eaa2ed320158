#include "pipeline/core/location.hpp"

#include <new>
#include <ostream>

namespace pipeline::core {

Location::Shared* Location::Shared::make(std::initializer_list<std::string_view> head,
                                         std::string_view tail) {
  std::size_t head_size = 0;
  for (std::string_view part : head) head_size += part.size();
  void* memory = ::operator new(sizeof(Shared) + head_size + tail.size());
  auto* shared = new (memory)
      Shared(static_cast<std::uint32_t>(head_size), static_cast<std::uint32_t>(tail.size()));
  char* chars = reinterpret_cast<char*>(shared + 1);
  for (std::string_view part : head) {
    if (part.empty()) continue;
    std::memcpy(chars, part.data(), part.size());
    chars += part.size();
  }
  if (!tail.empty()) std::memcpy(chars, tail.data(), tail.size());
  return shared;
}

void Location::Shared::destroy(const Shared* shared) {
  shared->~Shared();
  ::operator delete(const_cast<Shared*>(shared));
}

Location::Location(const Shared* parent, std::string_view leaf) {
  if (leaf.size() > kLeafCapacity) {
    // A leaf too long to hold in place: the whole text of its own.
    std::string text;
    if (parent) text.append(parent->head());
    text.append(leaf);
    if (parent) text.append(parent->tail());
    assign(text);
    return;
  }
  shared_ = parent;
  if (shared_) shared_->retain();
  leaf_size_ = static_cast<std::uint8_t>(leaf.size());
  if (!leaf.empty()) std::memcpy(leaf_, leaf.data(), leaf.size());
}

Location::Location(const Shared* parent, std::string_view prefix, std::string_view name,
                   std::size_t index) {
  char digits[24];
  std::size_t digit_count = 0;
  if (index != 0) {
    for (std::size_t n = index; n != 0; n /= 10)
      digits[digit_count++] = static_cast<char>('0' + n % 10);
  }
  const std::size_t size = prefix.size() + name.size() + (index != 0 ? digit_count + 2 : 0);
  if (size > kLeafCapacity) {
    std::string leaf;
    leaf.reserve(size);
    leaf.append(prefix).append(name);
    if (index != 0) {
      leaf += '[';
      for (std::size_t i = digit_count; i-- > 0;) leaf += digits[i];
      leaf += ']';
    }
    *this = Location(parent, std::string_view(leaf));
    return;
  }
  shared_ = parent;
  if (shared_) shared_->retain();
  char* out = leaf_;
  if (!prefix.empty()) std::memcpy(out, prefix.data(), prefix.size());
  out += prefix.size();
  if (!name.empty()) std::memcpy(out, name.data(), name.size());
  out += name.size();
  if (index != 0) {
    *out++ = '[';
    for (std::size_t i = digit_count; i-- > 0;) *out++ = digits[i];
    *out++ = ']';
  }
  leaf_size_ = static_cast<std::uint8_t>(size);
}

void Location::assign(std::string_view text) {
  if (shared_) shared_->release();
  shared_ = nullptr;
  leaf_size_ = 0;
  if (text.size() <= kLeafCapacity) {
    leaf_size_ = static_cast<std::uint8_t>(text.size());
    if (!text.empty()) std::memcpy(leaf_, text.data(), text.size());
  } else {
    shared_ = Shared::make(text, {});
  }
}

void Location::append_to(std::string& out) const {
  out.reserve(out.size() + size());
  if (shared_) out.append(shared_->head());
  out.append(leaf_, leaf_size_);
  if (shared_) out.append(shared_->tail());
}

bool operator==(const Location& a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::string_view head;
  std::string_view tail;
  if (a.shared_) {
    head = a.shared_->head();
    tail = a.shared_->tail();
  }
  const std::string_view leaf(a.leaf_, a.leaf_size_);
  return b.substr(0, head.size()) == head && b.substr(head.size(), leaf.size()) == leaf &&
         b.substr(head.size() + leaf.size()) == tail;
}

std::ostream& operator<<(std::ostream& out, const Location& location) {
  return out << location.str();
}

}  // namespace pipeline::core
