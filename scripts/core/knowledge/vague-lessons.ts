/**
 * The data behind the "specific lesson" gate of `relay ledger add`. Kept apart from the code so
 * the lists can grow from real rejected lessons without touching the logic (./lesson-gate.ts).
 * Everything is lower case; matching is on words, after punctuation is dropped.
 */

/** Phrases that are advice to oneself, not a lesson. A lesson made only of these (and filler) is rejected. */
export const VAGUE_PHRASES: readonly string[] = [
  'be more careful', 'be careful', 'more careful', 'take more care', 'be more diligent', 'be more thorough', 'be thorough',
  'test more', 'test better', 'more testing', 'more tests', 'write more tests', 'add more tests', 'write better tests',
  'communicate better', 'communicate more', 'better communication',
  'pay more attention', 'pay attention', 'double check', 'double-check', 'check more carefully', 'check everything',
  'think before', 'think it through', 'slow down', "don't rush", 'dont rush', 'do not rush',
  'plan better', 'plan ahead', 'more planning', 'do better', 'try harder',
  'review more', 'review better', 'more reviews', 'improve quality', 'improve the code', 'improve testing',
  'follow best practices', 'use best practices', 'best practices', 'document better', 'more documentation',
  'write better code', 'avoid mistakes', 'avoid bugs', 'learn from mistakes', 'keep it simple',
  'lesson learned', 'it works now', 'things went well', 'everything went well', 'nothing to report',
  // What a worker says when it has no lesson: the task restated, not something learned.
  "follows the plan's acceptance criteria", 'follows the acceptance criteria', 'meets the acceptance criteria',
  'matches the acceptance criteria', 'satisfies the acceptance criteria', 'as the plan says', 'as specified', 'as planned',
  'works as expected', 'tests pass', 'all tests pass', 'the tests pass', 'tests passed', 'all tests passed',
];

/**
 * Words that carry no concrete noun or action on their own: filler, judgement and the vocabulary
 * of vague advice. What remains after removing them (and the phrases above) must name something.
 */
export const NON_CONCRETE_WORDS: readonly string[] = [
  // function words
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'so', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'it', 'its', "it's", 'this', 'that', 'these', 'those',
  'we', 'our', 'us', 'you', 'your', 'they', 'them', 'their', 'i', 'me', 'my', 'he', 'she', 'one',
  'do', 'does', 'did', 'done', 'doing', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'should', 'shall',
  'may', 'might', 'must', 'not', 'no', 'yes', 'there', 'here', 'when', 'where', 'what', 'which', 'who', 'why', 'how',
  'than', 'too', 'very', 'into', 'onto', 'over', 'under', 'about', 'after', 'before', 'during', 'until', 'while',
  'up', 'down', 'out', 'off', 'all', 'any', 'each', 'every', 'some', 'such', 'only', 'own', 'same', 'other',
  'more', 'most', 'less', 'least', 'few', 'many', 'much', 'again', 'also', 'just', 'really', 'always', 'never',
  'next', 'time', 'times', 'way', 'ways', 'lot', 'lots', 'bit', "don't", 'dont', "didn't", 'didnt',
  // judgement and vague-advice vocabulary
  'careful', 'carefully', 'care', 'better', 'best', 'good', 'bad', 'well', 'properly', 'correctly', 'right', 'wrong',
  'thing', 'things', 'stuff', 'everything', 'something', 'anything', 'code', 'test', 'tests', 'testing', 'tested',
  'quality', 'improve', 'improved', 'improving', 'improvement', 'important', 'make', 'sure', 'need', 'needs', 'needed',
  'lesson', 'lessons', 'learned', 'learnt', 'learn', 'mistake', 'mistakes', 'issue', 'issues', 'problem', 'problems',
  'work', 'works', 'worked', 'working', 'attention', 'check', 'checks', 'checking', 'review', 'reviews', 'thorough',
  'practice', 'practices', 'team', 'process', 'approach', 'faster', 'focus', 'plan', 'planning', 'ensure', 'remember',
  'try', 'harder', 'avoid', 'bug', 'bugs', 'diligent', 'rush', 'simple', 'think', 'communicate', 'communication',
  'documentation', 'document', 'future', 'going', 'forward', 'now', 'went', 'go', 'get', 'got', 'keep',
];

/** Fewer words than this is not a sentence that can carry a cause and an action. */
export const MIN_LESSON_WORDS = 5;

/** How many concrete words (a file, a command, an error, a setting, a number, a named thing) a lesson needs. */
export const MIN_CONCRETE_WORDS = 3;
