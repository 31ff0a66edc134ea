// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <utility>
#include <variant>

namespace d4::sensor {

/**
 * Either a value of type T or an error of type E, for operations whose failure is expected
 * (bad configuration, I/O). A small stand-in for C++23 std::expected: check hasValue() (or
 * the bool conversion) before calling value(); error() is only valid when there is no value.
 * T and E must be different types.
 */
template <typename T, typename E> class [[nodiscard]] Result final
{
public:
    // Implicit on purpose, as with std::expected: `return value;` and `return error;` both work.
    Result(T value) // NOLINT(google-explicit-constructor)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(E error) // NOLINT(google-explicit-constructor)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    bool hasValue() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return hasValue(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const E &error() const { return std::get<1>(m_data); }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

private:
    std::variant<T, E> m_data;
};

} // namespace d4::sensor
