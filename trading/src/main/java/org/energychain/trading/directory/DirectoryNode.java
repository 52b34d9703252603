package org.energychain.trading.directory;

/** One child in a browse of the directory tree: its level value and how many active listings lie below it. */
public record DirectoryNode(String name, int count) {
}
