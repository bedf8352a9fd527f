#pragma once

// Lets Catch2 print Qt values in failure messages instead of "{?}".

#include <QByteArray>
#include <QString>

#include <catch2/catch.hpp>

namespace Catch {

template<>
struct StringMaker<QString>
{
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};

template<>
struct StringMaker<QByteArray>
{
    static std::string convert(const QByteArray &value) { return '"' + value.toStdString() + '"'; }
};

} // namespace Catch
