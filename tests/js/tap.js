// tap.js: a tiny TAP producer for the GJS suites of libiis
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Each test prints `ok N - name` or `not ok N - name` followed by the
// error as TAP diagnostics; finish() prints the plan `1..N` and exits with
// status 1 when a test failed.

import GLib from 'gi://GLib';
import System from 'system';

let count = 0;
let failures = 0;

function report(name, error) {
    count++;
    if (!error) {
        print(`ok ${count} - ${name}`);
        return;
    }
    failures++;
    print(`not ok ${count} - ${name}`);
    const lines = `${error}\n${error.stack ?? ''}`.trim().split('\n');
    for (const line of lines)
        print(`# ${line}`);
}

/** Runs @fn as a test named @name. */
export function test(name, fn) {
    try {
        fn();
        report(name, null);
    } catch (error) {
        report(name, error);
    }
}

/**
 * Runs @fn(done) as a test on a GLib main loop: the test ends when @fn
 * calls done() (or done(error)), fails after @timeoutSeconds.
 */
export function testAsync(name, fn, timeoutSeconds = 10) {
    const loop = new GLib.MainLoop(null, false);
    let outcome;
    const finish = error => {
        if (outcome === undefined) {
            outcome = error ?? null;
            loop.quit();
        }
    };
    const timeout = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, timeoutSeconds, () => {
        finish(new Error(`timed out after ${timeoutSeconds} s`));
        return GLib.SOURCE_REMOVE;
    });
    try {
        const result = fn(finish);
        if (result instanceof Promise)
            result.then(() => finish(null), finish);
    } catch (error) {
        finish(error);
    }
    if (outcome === undefined)
        loop.run();
    GLib.source_remove(timeout);
    report(name, outcome);
}

export class AssertionError extends Error {}

export function assert(condition, message = 'assertion failed') {
    if (!condition)
        throw new AssertionError(message);
}

export function equal(actual, expected, message = '') {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a !== e)
        throw new AssertionError(`${message ? `${message}: ` : ''}expected ${e}, got ${a}`);
}

/** Calls @fn, which must throw; returns what it threw. */
export function throws(fn, message = 'expected an exception') {
    try {
        fn();
    } catch (error) {
        return error;
    }
    throw new AssertionError(message);
}

/** Calls @fn, which must throw a GLib.Error of @domain and @code. */
export function throwsGError(fn, domain, code, ...fragments) {
    const error = throws(fn, 'expected a GLib.Error');
    if (!(error instanceof GLib.Error))
        throw new AssertionError(`expected a GLib.Error, got ${error}`);
    if (!error.matches(domain, code))
        throw new AssertionError(`expected error ${code} of domain ${domain}, got ${error.domain}:${error.code}: ${error.message}`);
    for (const fragment of fragments) {
        if (!error.message.includes(fragment))
            throw new AssertionError(`“${error.message}” does not mention “${fragment}”`);
    }
    return error;
}

/** Prints the plan and exits, with status 1 if a test failed. */
export function finish() {
    print(`1..${count}`);
    System.exit(failures > 0 ? 1 : 0);
}
