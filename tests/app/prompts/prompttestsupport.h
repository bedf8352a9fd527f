#pragma once

// What the host popup tests share: a phone screen with a little page on it,
// answer recorders, widget lookups and screenshots.

#include "catchqt.h"
#include "testapplication.h"

#include "prompts/promptkind.h"

#include <QAbstractButton>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QSet>
#include <QVBoxLayout>
#include <QWidget>

#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <vector>

namespace Catch {
template<>
struct StringMaker<mpsim::app::PromptKind>
{
    static std::string convert(mpsim::app::PromptKind kind)
    {
        switch (kind) {
        case mpsim::app::PromptKind::None:
            return "None";
        case mpsim::app::PromptKind::Authorize:
            return "Authorize";
        case mpsim::app::PromptKind::UserProfile:
            return "UserProfile";
        case mpsim::app::PromptKind::UserInfoButton:
            return "UserInfoButton";
        case mpsim::app::PromptKind::Soter:
            return "Soter";
        case mpsim::app::PromptKind::Subscribe:
            return "Subscribe";
        case mpsim::app::PromptKind::Settings:
            return "Settings";
        case mpsim::app::PromptKind::Modal:
            return "Modal";
        case mpsim::app::PromptKind::ActionSheet:
            return "ActionSheet";
        }
        return "?";
    }
};
} // namespace Catch

namespace mpsim::test {

using namespace Qt::StringLiterals;

// Every answer a callback received, so tests can check "exactly once".
template<typename Answer>
struct Answers
{
    std::vector<Answer> received;

    std::function<void(Answer)> callback()
    {
        return [this](Answer answer) {
            received.push_back(std::move(answer));
        };
    }
};

// The phone screen: a plain 375x667 widget with a little mini-program page
// on it, so screenshots show the dimmed page behind a popup.
inline std::unique_ptr<QWidget> createScreen()
{
    testApplication();
    auto screen = std::make_unique<QWidget>();
    screen->setObjectName(u"screen"_s);
    screen->resize(375, 667);
    screen->setStyleSheet(uR"(
#screen { background: #f6f7f9; }
#navigationBar { background: #ffffff; color: #191919; font-size: 17px; font-weight: 600; }
#banner { background: qlineargradient(x1:0, y1:0, x2:1, y2:1, stop:0 #3cc37f, stop:1 #1e9e62);
          color: #ffffff; font-size: 22px; font-weight: 600; border-radius: 10px; }
QLabel[role="item"] { background: #ffffff; color: #353535; font-size: 15px;
                      border-radius: 8px; padding-left: 14px; }
)"_s);
    screen->setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QVBoxLayout(screen.get());
    // A real phone screen is not a window: keep the layout from constraining it.
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    auto *bar = new QLabel(u"Demo Mall"_s, screen.get());
    bar->setObjectName(u"navigationBar"_s);
    bar->setAlignment(Qt::AlignCenter);
    bar->setFixedHeight(64);
    layout->addWidget(bar);
    auto *content = new QVBoxLayout;
    content->setContentsMargins(16, 4, 16, 16);
    content->setSpacing(10);
    auto *banner = new QLabel(u"Spring sale: up to 50% off"_s, screen.get());
    banner->setObjectName(u"banner"_s);
    banner->setAlignment(Qt::AlignCenter);
    banner->setFixedHeight(150);
    content->addWidget(banner);
    for (const QString &item : {u"Nearby stores"_s, u"My orders"_s, u"Coupons"_s, u"Help"_s}) {
        auto *row = new QLabel(item, screen.get());
        row->setProperty("role", u"item"_s);
        row->setFixedHeight(52);
        content->addWidget(row);
    }
    content->addStretch(1);
    layout->addLayout(content, 1);
    screen->show();
    return screen;
}

inline QString labelText(const QWidget *overlay, const QString &name)
{
    const auto *label = overlay ? overlay->findChild<QLabel *>(name) : nullptr;
    return label ? label->text() : u"<no label %1>"_s.arg(name);
}

inline QAbstractButton *button(const QWidget *overlay, const QString &name)
{
    return overlay ? overlay->findChild<QAbstractButton *>(name) : nullptr;
}

inline int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x)
            colours.insert(line[x]);
    }
    return int(colours.size());
}

// Renders the screen at twice its logical size (crisp in a README) and saves
// it under docs/screenshots.
inline QImage saveScreenshot(QWidget &screen, const QString &fileName)
{
    QImage image(screen.size() * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    screen.render(&image);
    const QDir dir(screenshotDir());
    dir.mkpath(u"."_s);
    CHECK(image.save(dir.filePath(fileName)));
    return image;
}

} // namespace mpsim::test
