// Ink draws nothing while CI is set (is-in-ci), and NO_COLOR would hide the
// styles that UI tests assert on; both are removed so tests behave the same
// on a laptop and in CI.
delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];
delete process.env['NO_COLOR'];
