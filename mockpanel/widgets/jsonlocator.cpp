#include "widgets/jsonlocator.h"

#include <QStringList>

#include <vector>

namespace mpsim::mockpanel {

namespace {

struct Frame
{
    bool object = false;
    bool expectKey = false;
    int index = -1; // arrays: the element being read
    QString key;    // objects: the member being read
    int line = 0;   // where this container's current member starts
};

QStringList tokensOf(const QString &pointer)
{
    QStringList tokens = pointer.split(QLatin1Char('/'));
    tokens.removeFirst(); // before the leading '/'
    for (QString &token : tokens)
        token.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
    return tokens;
}

// How many leading tokens the current path shares with `tokens`.
qsizetype sharedDepth(const std::vector<Frame> &frames, const QStringList &tokens)
{
    qsizetype depth = 0;
    for (const Frame &frame : frames) {
        if (depth >= tokens.size())
            break;
        const QString step = frame.object ? frame.key : QString::number(frame.index);
        if (step != tokens[depth])
            break;
        ++depth;
    }
    return depth;
}

} // namespace

int lineOfJsonPointer(const QString &text, const QString &pointer)
{
    if (pointer.isEmpty())
        return 1;
    if (!pointer.startsWith(QLatin1Char('/')))
        return 0;
    const QStringList tokens = tokensOf(pointer);
    std::vector<Frame> frames;
    int line = 1;
    int bestLine = 0; // the deepest parent found so far
    qsizetype bestDepth = -1;

    // Called where a member (key or array element) begins; true when it is the target.
    auto reached = [&]() {
        const qsizetype depth = sharedDepth(frames, tokens);
        if (depth == qsizetype(frames.size()) && depth > bestDepth) {
            bestDepth = depth;
            bestLine = line;
        }
        return depth == tokens.size() && depth == qsizetype(frames.size());
    };
    auto valueStarts = [&]() {
        if (!frames.empty() && !frames.back().object) {
            ++frames.back().index;
            return reached();
        }
        return false;
    };

    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\n')) {
            ++line;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            if (valueStarts())
                return line;
            Frame frame;
            frame.object = c == QLatin1Char('{');
            frame.expectKey = frame.object;
            frames.push_back(frame);
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            if (frames.empty())
                return bestLine;
            frames.pop_back();
        } else if (c == QLatin1Char(',')) {
            if (!frames.empty() && frames.back().object)
                frames.back().expectKey = true;
        } else if (c == QLatin1Char('"')) {
            QString value;
            const int startLine = line;
            for (++i; i < size && text[i] != QLatin1Char('"'); ++i) {
                if (text[i] == QLatin1Char('\\') && i + 1 < size) {
                    ++i;
                    // Only the keys' exact text matters; escapes other than \" \\ \/ are rare in keys.
                    value += text[i] == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : text[i];
                } else {
                    if (text[i] == QLatin1Char('\n'))
                        ++line;
                    value += text[i];
                }
            }
            if (!frames.empty() && frames.back().object && frames.back().expectKey) {
                frames.back().key = value;
                frames.back().expectKey = false;
                const int keyLine = line;
                line = startLine;
                const bool found = reached();
                line = keyLine;
                if (found)
                    return startLine;
            } else if (valueStarts()) {
                return startLine;
            }
        } else if (c == QLatin1Char(':') || c.isSpace()) {
            continue;
        } else {
            // A number or a literal: one value, up to the next delimiter.
            if (valueStarts())
                return line;
            while (i + 1 < size && !QStringLiteral(",]}\n \t\r").contains(text[i + 1]))
                ++i;
        }
    }
    return bestLine;
}

} // namespace mpsim::mockpanel
