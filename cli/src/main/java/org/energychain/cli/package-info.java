/**
 * The energychain command: its entry point (Main) and, in sub-packages, one package of commands per part of
 * the system; commands parse options, call the domain modules or a node, and print. No domain logic lives
 * here.
 */
package org.energychain.cli;
