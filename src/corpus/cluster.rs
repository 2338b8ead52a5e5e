//! Clusters: connected components of the confirmed pairs, one partition per
//! relation level.
//!
//! Levels nest: `duplicate` joins only duplicate pairs, `derived` joins
//! duplicate and derived pairs, `same-story` joins every related pair. A
//! component is named by its earliest article (the smallest sequence number
//! in input order), so names do not depend on thread count or chunking.
//! Components only grow and merge as the stream goes on: a line written
//! early names the component as known then, and a consumer that needs final
//! clusters joins the names it has seen.

use super::Relation;

/// Union-find over sequence numbers whose root is always the smallest
/// member.
#[derive(Debug, Default, Clone)]
pub struct Forest {
    parent: Vec<u32>,
}

impl Forest {
    /// Makes room for articles up to `n - 1`, each alone.
    pub fn grow(&mut self, n: usize) {
        let start = self.parent.len() as u32;
        self.parent.extend(start..n as u32);
    }

    /// The earliest article of `x`'s component.
    pub fn find(&mut self, mut x: u32) -> u32 {
        loop {
            let Some(&p) = self.parent.get(x as usize) else {
                return x;
            };
            if p == x {
                return x;
            }
            let gp = self.parent.get(p as usize).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x as usize) {
                *slot = gp;
            }
            x = p;
        }
    }

    /// Joins the components of `a` and `b`; returns the joined root.
    pub fn union(&mut self, a: u32, b: u32) -> u32 {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = if ra <= rb { (ra, rb) } else { (rb, ra) };
        if let Some(slot) = self.parent.get_mut(hi as usize) {
            *slot = lo;
        }
        lo
    }
}

/// The three nested partitions.
#[derive(Debug, Default, Clone)]
pub struct Clusters {
    levels: [Forest; 3],
}

fn level(r: Relation) -> usize {
    match r {
        Relation::Duplicate => 0,
        Relation::Derived => 1,
        Relation::SameStory => 2,
    }
}

impl Clusters {
    /// Makes room for articles up to `n - 1`.
    pub fn grow(&mut self, n: usize) {
        for f in &mut self.levels {
            f.grow(n);
        }
    }

    /// Records a confirmed pair; returns its cluster at the pair's level.
    pub fn add(&mut self, a: u32, b: u32, r: Relation) -> u32 {
        let l = level(r);
        let mut root = a;
        for (k, f) in self.levels.iter_mut().enumerate() {
            if k >= l {
                let got = f.union(a, b);
                if k == l {
                    root = got;
                }
            }
        }
        root
    }

    /// The cluster of `x` at `r`'s level.
    pub fn of(&mut self, x: u32, r: Relation) -> u32 {
        let l = level(r);
        self.levels.get_mut(l).map_or(x, |f| f.find(x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_nest_and_roots_are_earliest() {
        let mut c = Clusters::default();
        c.grow(6);
        assert_eq!(c.add(4, 5, Relation::Duplicate), 4);
        assert_eq!(c.add(2, 4, Relation::Derived), 2);
        assert_eq!(c.add(0, 5, Relation::SameStory), 0);
        assert_eq!(c.of(5, Relation::Duplicate), 4);
        assert_eq!(c.of(5, Relation::Derived), 2);
        assert_eq!(c.of(5, Relation::SameStory), 0);
        assert_eq!(c.of(3, Relation::SameStory), 3);
    }
}
