describe('runtime', () => {
  it('runs on Node 24 (the node@24 devDependency), whatever the system Node is', () => {
    expect(process.version).toMatch(/^v24\./);
    const [minor] = process.version.slice(4).split('.').map(Number);
    expect(minor).toBeGreaterThanOrEqual(9);
  });
});
