/**
 * What every command shares: the node to talk to and as whom (RemoteOptions), the one base of commands that
 * call a node (RemoteCommand), signed calls, JSON output, exit codes and store options.
 */
package org.energychain.cli.common;
